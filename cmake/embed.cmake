# Embedding files in the programs (cmake/embed_files.cmake writes the C++ source).
# The browser build embeds JSON without its whitespace (scripts/minify_json.py): it is downloaded.
if(EMSCRIPTEN)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  set(KALAN_EMBED_PYTHON "${Python3_EXECUTABLE}")
else()
  set(KALAN_EMBED_PYTHON "")
endif()

# kalan_embed_source(OUTPUT HEADER LIST_FN FIND_FN FILES...): OUTPUT defines LIST_FN() and FIND_FN(name),
# declared in HEADER, over the files' bytes, looked up by base name.
function(kalan_embed_source output header list_fn find_fn)
  set(files ${ARGN})
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} "-DFILES=${files}" -DHEADER=${header} -DLIST_FN=${list_fn}
            -DFIND_FN=${find_fn} "-DMINIFY_PYTHON=${KALAN_EMBED_PYTHON}"
            "-DMINIFY_SCRIPT=${CMAKE_SOURCE_DIR}/scripts/minify_json.py" -P "${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake"
    DEPENDS ${files} "${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake" "${CMAKE_SOURCE_DIR}/scripts/minify_json.py"
    COMMENT "Embedding ${list_fn}"
    VERBATIM)
endfunction()

# kalan_embed(TARGET OUTPUT FILES...): a library holding the files' bytes (ui/assets.h).
function(kalan_embed target output)
  kalan_embed_source("${output}" assets.h assets find_asset ${ARGN})
  add_library(${target} STATIC "${output}" "${CMAKE_SOURCE_DIR}/ui/assets.h")
  target_include_directories(${target} PUBLIC "${CMAKE_SOURCE_DIR}/ui" "${CMAKE_SOURCE_DIR}/sim")
endfunction()
