// kalan-cli.js: the command-line tool compiled to WebAssembly, run by node.
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const int code = kalan::run_cli(args, std::cout, std::cerr);
  std::cout.flush();
  return code;
}
