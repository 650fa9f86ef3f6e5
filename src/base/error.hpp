// The root of mapwire's exceptions and the process exit codes, shared by every module.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace mapwire {

// Exit codes of the `mapwire` program; cli::run maps exceptions onto these, nothing else does.
enum class ExitCode : int {
    ok = 0,
    failure = 1,       // an unexpected internal failure (our bug)
    usage = 2,         // bad command line
    bad_input = 3,     // an input file or value that cannot be used
    not_found = 4,     // a name or object that the data does not contain
    missing_data = 5,  // the bundled dataset is missing or damaged
    io = 6,            // a file could not be read or written
};

// Where a problem was seen; every part is optional and filled in as the error propagates.
struct ErrorContext {
    std::string file;
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based; 0 when unknown
    std::string key;      // key path in a config, field name in a record
    std::string feature;  // feature or document id
    std::string value;    // the value seen
};

// Base of all errors caused by input or environment (not by our bugs, which assert).
class Error : public std::runtime_error {
public:
    Error(std::string message, ExitCode code = ExitCode::bad_input, std::string hint = {});

    const ErrorContext& context() const { return context_; }
    ExitCode code() const { return code_; }
    const std::string& message() const { return message_; }
    const std::string& hint() const { return hint_; }

    // Add context as the error propagates; fields already set are kept.
    Error& in_file(std::string file);
    Error& at(int line, int column = 0);
    Error& with_key(std::string key);
    Error& with_feature(std::string feature);
    Error& with_value(std::string value);
    Error& with_hint(std::string hint);

    // "file:line:column: message (key: ..., feature: ..., value: '...')"
    std::string describe() const;
    const char* what() const noexcept override { return what_.c_str(); }

private:
    void refresh();

    std::string message_;
    ExitCode code_;
    std::string hint_;
    ErrorContext context_;
    std::string what_;
};

// Base for each module's error type: the context setters return the derived type, so that
// `throw std::move(TextError(...).in_file(f).at(l, c))` throws a TextError, not a sliced Error.
template <class Derived, class Base = Error>
class ErrorKind : public Base {
public:
    using Base::Base;
    Derived& in_file(std::string file) {
        Base::in_file(std::move(file));
        return self();
    }
    Derived& at(int line, int column = 0) {
        Base::at(line, column);
        return self();
    }
    Derived& with_key(std::string key) {
        Base::with_key(std::move(key));
        return self();
    }
    Derived& with_feature(std::string feature) {
        Base::with_feature(std::move(feature));
        return self();
    }
    Derived& with_value(std::string value) {
        Base::with_value(std::move(value));
        return self();
    }
    Derived& with_hint(std::string hint) {
        Base::with_hint(std::move(hint));
        return self();
    }

private:
    Derived& self() { return static_cast<Derived&>(*this); }
};

// A file that cannot be opened, read or written.
class IoError : public ErrorKind<IoError> {
public:
    explicit IoError(std::string message, std::string hint = {})
        : ErrorKind(std::move(message), ExitCode::io, std::move(hint)) {}
};

}  // namespace mapwire
