// Staging of a map's outputs: write aside, then rename into place (rename is atomic per file
// on one file system, and the staging folder is inside the output folder, so on the same one).
#include "pipeline/detail/staging.hpp"

#include <unistd.h>

#include <atomic>

#include "base/error.hpp"

namespace mapwire::pipeline::detail {

namespace fs = std::filesystem;

Staging::Staging(std::string out_dir) : out_dir_(std::move(out_dir)) {
    static std::atomic<int> counter{0};  // maps render in parallel in one process
    std::error_code ec;
    made_out_dir_ = !fs::exists(out_dir_, ec);
    fs::create_directories(out_dir_, ec);
    if (ec || !fs::is_directory(out_dir_))
        throw std::move(IoError("cannot create the output folder" +
                                (ec ? ": " + ec.message() : std::string(": not a folder")))
                            .in_file(out_dir_));
    dir_ = (fs::path(out_dir_) /
            (".mapwire-staging-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
               .string();
    fs::create_directories(dir_, ec);
    if (ec)
        throw std::move(IoError("cannot create a staging folder: " + ec.message()).in_file(dir_));
}

Staging::~Staging() {
    if (committed_) return;
    std::error_code ec;
    fs::remove_all(dir_, ec);
    if (made_out_dir_ && fs::is_empty(out_dir_, ec)) fs::remove(out_dir_, ec);
}

void Staging::commit(std::vector<std::string>& files) {
    // Renames cannot fail for want of space (one file system); a folder in the way of a file
    // is found before anything moves.
    std::vector<fs::path> staged;
    for (const auto& e : fs::recursive_directory_iterator(dir_))
        if (e.is_regular_file()) staged.push_back(e.path());
    for (const auto& from : staged) {  // a folder in the way stops the map before any move
        const fs::path to = fs::path(out_dir_) / fs::relative(from, dir_);
        std::error_code ec;
        if (fs::is_directory(to, ec))
            throw std::move(
                IoError("a folder is in the way of an output file", "remove or rename the folder")
                    .in_file(to.string()));
    }
    for (const auto& from : staged) {
        const fs::path to = fs::path(out_dir_) / fs::relative(from, dir_);
        std::error_code ec;
        fs::create_directories(to.parent_path(), ec);
        fs::rename(from, to, ec);
        if (ec)
            throw std::move(IoError("cannot move the finished output into place: " + ec.message())
                                .in_file(to.string()));
    }
    for (auto& f : files)
        if (f.rfind(dir_, 0) == 0) f = out_dir_ + f.substr(dir_.size());
    committed_ = true;
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

}  // namespace mapwire::pipeline::detail
