# Web build: the browser app (app/kalan.js + kalan.wasm), kalan-cli.js, the core tests and the benchmark for node.
# The app runs Dear ImGui on WebGL2 and the page's own events (web/imgui_impl_html5.cpp): no SDL2.
set(IMGUI_SRC "${KALAN_CACHE}/src/imgui")
if(NOT EXISTS "${IMGUI_SRC}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui for the web is missing: run scripts/setup.sh web")
endif()

add_library(imgui_web STATIC
  ${IMGUI_SRC}/imgui.cpp ${IMGUI_SRC}/imgui_draw.cpp ${IMGUI_SRC}/imgui_tables.cpp ${IMGUI_SRC}/imgui_widgets.cpp
  ${IMGUI_SRC}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_web SYSTEM PUBLIC "${IMGUI_SRC}" "${IMGUI_SRC}/backends")
target_compile_definitions(imgui_web PUBLIC IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS)
target_compile_options(imgui_web PRIVATE -w)

file(GLOB KALAN_UI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/ui/*.cpp")
add_library(kalan_ui STATIC ${KALAN_UI_SOURCES})
target_include_directories(kalan_ui PUBLIC "${CMAKE_SOURCE_DIR}/ui")
target_link_libraries(kalan_ui PUBLIC kalan_sim kalan_assets imgui_web)

# -Oz keeps the download small (budget 800 KB gzip), the core included: measured in WebAssembly the
# SMS and replay benchmarks stay above 40 % of native (scripts/bench.sh prints both).
set(KALAN_WEB_OPT -Oz)
set(KALAN_WEB_LINK_OPT -Oz)
target_compile_options(kalan_sim PRIVATE -Oz)
target_compile_options(kalan_cli PRIVATE -O2)
foreach(t kalan_ui imgui_web kalan_assets)
  target_compile_options(${t} PRIVATE ${KALAN_WEB_OPT})
endforeach()
# Link-time optimisation of the app: the objects are LLVM bitcode, so every program linking the core
# (tests, CLI, benchmarks) is optimised whole too.
foreach(t kalan_sim kalan_ui imgui_web kalan_assets)
  target_compile_options(${t} PRIVATE -flto)
endforeach()

add_executable(kalan_web web/main_web.cpp web/imgui_impl_html5.cpp web/room_transport_web.cpp)
target_link_libraries(kalan_web PRIVATE kalan_ui)
target_compile_options(kalan_web PRIVATE ${KALAN_WEB_OPT} -flto)
set_target_properties(kalan_web PROPERTIES OUTPUT_NAME kalan RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/app" SUFFIX ".js")
target_link_options(kalan_web PRIVATE ${KALAN_WEB_LINK_OPT} -flto
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16MB
  -sENVIRONMENT=web -sFILESYSTEM=0 -sMALLOC=emmalloc -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8
  -sEXPORTED_FUNCTIONS=_main,_kalan_web_text,_kalan_web_key,_kalan_web_open,_kalan_web_drop_file,_kalan_debug_json,_kalan_frames,_kalan_room_cb,_malloc,_free
  -fwasm-exceptions)
add_custom_command(TARGET kalan_web POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/web/index.html" "${CMAKE_BINARY_DIR}/app/index.html"
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/web/room.js" "${CMAKE_BINARY_DIR}/app/room.js")

# Exceptions: nlohmann/json reports parse errors by throwing, caught inside the core. Native wasm
# exceptions (Chrome 95+, Firefox 100+, Safari 15.2+, node 17+) avoid the JS trampolines of emulated ones.
foreach(t kalan_sim kalan_ui kalan_cli kalan_web)
  target_compile_options(${t} PRIVATE -fwasm-exceptions)
endforeach()

set(KALAN_NODE_FLAGS -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1 -fwasm-exceptions)

add_executable(kalan_cli_js web/cli_main.cpp)
target_link_libraries(kalan_cli_js PRIVATE kalan_cli)
set_target_properties(kalan_cli_js PROPERTIES OUTPUT_NAME kalan-cli SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
target_compile_options(kalan_cli_js PRIVATE -O2 -fwasm-exceptions)
target_link_options(kalan_cli_js PRIVATE -O2 ${KALAN_NODE_FLAGS})

file(GLOB KALAN_UNIT_TESTS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/unit/*.cpp")
add_executable(kalan_tests_js ${KALAN_UNIT_TESTS} "${CMAKE_SOURCE_DIR}/ui/reporting_view.cpp")
target_link_libraries(kalan_tests_js PRIVATE kalan_sim)
target_compile_definitions(kalan_tests_js PRIVATE KALAN_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
set_target_properties(kalan_tests_js PROPERTIES OUTPUT_NAME kalan-tests SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
target_compile_options(kalan_tests_js PRIVATE -O2 -fwasm-exceptions)
target_link_options(kalan_tests_js PRIVATE -O2 ${KALAN_NODE_FLAGS})

# The benchmarks for node: bench/bench_<name>.cpp gives build/web/bench-<name>.js.
foreach(name replay sms reporting)
  add_executable(bench_${name}_js bench/bench_${name}.cpp)
  target_link_libraries(bench_${name}_js PRIVATE kalan_sim)
  set_target_properties(bench_${name}_js PROPERTIES OUTPUT_NAME bench-${name} SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
  target_compile_options(bench_${name}_js PRIVATE -O3 -fwasm-exceptions)
  target_link_options(bench_${name}_js PRIVATE -O3 ${KALAN_NODE_FLAGS})
endforeach()
