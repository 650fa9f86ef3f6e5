// Entry point: hands the arguments to cli::run, which owns all error reporting.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv, argv + argc);
    return mapwire::cli::run(args, std::cout, std::cerr);
}
