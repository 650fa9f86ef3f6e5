// The `mapwire` command line, callable in-process (tests do) with its own output streams.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace mapwire::cli {

// Runs one command. args[0] is the program name. Never throws: every error becomes a
// message on `err` and an ExitCode (base/error.hpp).
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace mapwire::cli
