# Every test, registered in the native build's CTest. The web build (build/web) must be built first.
enable_testing()
find_package(doctest REQUIRED)
set(KALAN_WEB_DIR "${CMAKE_SOURCE_DIR}/build/web" CACHE PATH "The web build, for wasm and browser tests")
find_program(NODE_EXE node REQUIRED)

file(GLOB KALAN_UNIT_TESTS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/unit/*.cpp")
add_executable(kalan_tests ${KALAN_UNIT_TESTS})
target_link_libraries(kalan_tests PRIVATE kalan_sim doctest::doctest)
target_compile_definitions(kalan_tests PRIVATE KALAN_SOURCE_DIR="${CMAKE_SOURCE_DIR}")

add_executable(bench_replay bench/bench_replay.cpp)
target_link_libraries(bench_replay PRIVATE kalan_sim)
add_executable(bench_sms bench/bench_sms.cpp)
target_link_libraries(bench_sms PRIVATE kalan_sim)

add_test(NAME core.unit COMMAND kalan_tests)
add_test(NAME core.unit.wasm COMMAND ${NODE_EXE} --no-experimental-fetch "${KALAN_WEB_DIR}/kalan-tests.js")
add_test(NAME core.no_platform_headers COMMAND bash "${CMAKE_SOURCE_DIR}/tests/check_sim_headers.sh" "${CMAKE_SOURCE_DIR}/sim")
add_test(NAME cli.golden COMMAND bash "${CMAKE_SOURCE_DIR}/tests/cli/run_golden.sh" $<TARGET_FILE:kalan> "${CMAKE_SOURCE_DIR}")
add_test(NAME cli.golden.wasm COMMAND bash "${CMAKE_SOURCE_DIR}/tests/cli/run_golden.sh"
         "${NODE_EXE} --no-experimental-fetch ${KALAN_WEB_DIR}/kalan-cli.js" "${CMAKE_SOURCE_DIR}")
add_test(NAME flows.runner COMMAND bash "${CMAKE_SOURCE_DIR}/tests/flows/run_runner.sh" $<TARGET_FILE:kalan> "${CMAKE_SOURCE_DIR}")
add_test(NAME flows.runner.wasm COMMAND bash "${CMAKE_SOURCE_DIR}/tests/flows/run_runner.sh"
         "${NODE_EXE} --no-experimental-fetch ${KALAN_WEB_DIR}/kalan-cli.js" "${CMAKE_SOURCE_DIR}")
add_test(NAME determinism.native_vs_wasm COMMAND bash "${CMAKE_SOURCE_DIR}/tests/determinism.sh" $<TARGET_FILE:kalan>
         "${KALAN_WEB_DIR}/kalan-cli.js" "${CMAKE_SOURCE_DIR}")
add_test(NAME e2e.browser COMMAND ${NODE_EXE} "${CMAKE_SOURCE_DIR}/tests/e2e/browser.test.mjs" "${KALAN_WEB_DIR}/app")
add_test(NAME e2e.desktop COMMAND bash "${CMAKE_SOURCE_DIR}/tests/e2e/desktop.sh" $<TARGET_FILE:kalan>)
add_test(NAME e2e.room COMMAND ${NODE_EXE} "${CMAKE_SOURCE_DIR}/tests/e2e/room.test.mjs" $<TARGET_FILE:kalan> "${KALAN_WEB_DIR}/app")
set_tests_properties(e2e.browser e2e.desktop e2e.room PROPERTIES TIMEOUT 180 RUN_SERIAL TRUE)
find_program(PYTHON3_EXE python3 REQUIRED)
add_test(NAME server.api COMMAND ${PYTHON3_EXE} "${CMAKE_SOURCE_DIR}/tests/server/server_api.py" $<TARGET_FILE:kalan>)
set_tests_properties(server.api PROPERTIES TIMEOUT 300 RUN_SERIAL TRUE)
