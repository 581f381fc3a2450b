// The native `kalan` binary: the desktop app with no arguments, otherwise the command-line tool.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "desktop.h"
#include "server.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "app") {
    kalan::DesktopOptions o;
    for (size_t i = 1; i < args.size(); ++i) {
      if (args[i] == "--quit-after" && i + 1 < args.size()) o.quit_after = std::atof(args[++i].c_str());
      else if (args[i] == "--room" && i + 1 < args.size()) o.room = args[++i];
      else if (args[i] == "--trainer" && i + 1 < args.size()) o.trainer = args[++i];
      else o.open = args[i];
    }
    return kalan::run_desktop(o);
  }
  if (args[0] == "serve") return kalan::run_serve(std::vector<std::string>(args.begin() + 1, args.end()), std::cout, std::cerr);
  return kalan::run_cli(args, std::cout, std::cerr);
}
