# kalan_embed(TARGET OUTPUT FILES...): a library holding the files' bytes, looked up by base name.
function(kalan_embed target output)
  set(files ${ARGN})
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} "-DFILES=${files}" -P "${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake"
    DEPENDS ${files} "${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake"
    COMMENT "Embedding assets"
    VERBATIM)
  add_library(${target} STATIC "${output}" "${CMAKE_SOURCE_DIR}/ui/assets.h")
  target_include_directories(${target} PUBLIC "${CMAKE_SOURCE_DIR}/ui" "${CMAKE_SOURCE_DIR}/sim")
endfunction()
