// `kalan serve`: the sandbox server that hosts a workshop (native only; not part of the wasm CLI).
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace kalan {

// `args` excludes "serve"; returns the process exit code once the server stops (SIGINT/SIGTERM).
int run_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kalan
