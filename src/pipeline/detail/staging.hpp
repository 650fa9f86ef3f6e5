// The outputs of one map appear together or not at all: they are written into a hidden
// staging folder inside the output folder and moved into place once every one is complete;
// on failure the staging folder goes, and an output folder made for the map goes with it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace mapwire::pipeline::detail {

class Staging {
public:
    explicit Staging(std::string out_dir);
    ~Staging();
    Staging(const Staging&) = delete;
    Staging& operator=(const Staging&) = delete;

    const std::string& dir() const { return dir_; }  // write here
    // Moves everything written into the output folder; `files` named in the staging folder
    // are renamed to their place there.
    void commit(std::vector<std::string>& files);

private:
    std::string out_dir_, dir_;
    bool made_out_dir_ = false, committed_ = false;
};

}  // namespace mapwire::pipeline::detail
