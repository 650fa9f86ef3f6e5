// Formatting and context accumulation for mapwire::Error.
#include "base/error.hpp"

#include <utility>

namespace mapwire {

Error::Error(std::string message, ExitCode code, std::string hint)
    : std::runtime_error(message),
      message_(std::move(message)),
      code_(code),
      hint_(std::move(hint)) {
    refresh();
}

Error& Error::in_file(std::string file) {
    if (context_.file.empty()) context_.file = std::move(file);
    refresh();
    return *this;
}

Error& Error::at(int line, int column) {
    if (context_.line == 0) {
        context_.line = line;
        context_.column = column;
    }
    refresh();
    return *this;
}

Error& Error::with_key(std::string key) {
    if (context_.key.empty()) context_.key = std::move(key);
    refresh();
    return *this;
}

Error& Error::with_feature(std::string feature) {
    if (context_.feature.empty()) context_.feature = std::move(feature);
    refresh();
    return *this;
}

Error& Error::with_value(std::string value) {
    if (context_.value.empty()) context_.value = std::move(value);
    refresh();
    return *this;
}

Error& Error::with_hint(std::string hint) {
    if (hint_.empty()) hint_ = std::move(hint);
    return *this;
}

std::string Error::describe() const {
    std::string out;
    if (!context_.file.empty()) {
        out += context_.file;
        if (context_.line > 0) {
            out += ':' + std::to_string(context_.line);
            if (context_.column > 0) out += ':' + std::to_string(context_.column);
        }
        out += ": ";
    }
    out += message_;
    std::string details;
    auto add = [&details](const char* label, const std::string& v) {
        if (v.empty()) return;
        if (!details.empty()) details += ", ";
        details += label;
        details += v;
    };
    add("key: ", context_.key);
    add("feature: ", context_.feature);
    if (!context_.value.empty()) add("value: ", "'" + context_.value + "'");
    if (!details.empty()) out += " (" + details + ")";
    return out;
}

void Error::refresh() {
    what_ = describe();
}

}  // namespace mapwire
