# Every test, registered in the native build's CTest. The web build (build/web) must be built first.
enable_testing()
find_package(doctest REQUIRED)
set(KALAN_WEB_DIR "${CMAKE_SOURCE_DIR}/build/web" CACHE PATH "The web build, for wasm and browser tests")
find_program(NODE_EXE node REQUIRED)

file(GLOB KALAN_UNIT_TESTS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/unit/*.cpp")
# The UI's view models (plain functions, no ImGui) are tested with the core.
set(KALAN_UI_VIEW_MODELS "${CMAKE_SOURCE_DIR}/ui/reporting_view.cpp")
add_executable(kalan_tests ${KALAN_UNIT_TESTS} ${KALAN_UI_VIEW_MODELS})
target_link_libraries(kalan_tests PRIVATE kalan_sim doctest::doctest)
target_compile_definitions(kalan_tests PRIVATE KALAN_SOURCE_DIR="${CMAKE_SOURCE_DIR}")

add_executable(bench_replay bench/bench_replay.cpp)
target_link_libraries(bench_replay PRIVATE kalan_sim)
add_executable(bench_sms bench/bench_sms.cpp)
target_link_libraries(bench_sms PRIVATE kalan_sim)
add_executable(bench_reporting bench/bench_reporting.cpp)
target_link_libraries(bench_reporting PRIVATE kalan_sim)
add_executable(bench_forms bench/bench_forms.cpp)
target_link_libraries(bench_forms PRIVATE kalan_sim)
add_executable(bench_cases bench/bench_cases.cpp)
target_link_libraries(bench_cases PRIVATE kalan_sim)
add_executable(bench_exercises bench/bench_exercises.cpp)
target_link_libraries(bench_exercises PRIVATE kalan_sim)

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
set_tests_properties(e2e.browser e2e.desktop PROPERTIES TIMEOUT 180 RUN_SERIAL TRUE)
# Six pages over a real server (worker, supervisor, trainer, reporter, and a worker with two supervisor
# seats for the conflict): about three minutes on the 2-core machine.
set_tests_properties(e2e.room PROPERTIES TIMEOUT 480 RUN_SERIAL TRUE)
add_test(NAME exercises.check COMMAND bash "${CMAKE_SOURCE_DIR}/tests/exercises/run_check.sh" $<TARGET_FILE:kalan> "${CMAKE_SOURCE_DIR}")
add_test(NAME exercises.check.wasm COMMAND bash "${CMAKE_SOURCE_DIR}/tests/exercises/run_check.sh"
         "${NODE_EXE} --no-experimental-fetch ${KALAN_WEB_DIR}/kalan-cli.js" "${CMAKE_SOURCE_DIR}")
add_test(NAME forms.xpath_conformance COMMAND bash "${CMAKE_SOURCE_DIR}/tests/forms/run_conformance.sh" $<TARGET_FILE:kalan> "${CMAKE_SOURCE_DIR}")
add_test(NAME forms.cli COMMAND bash "${CMAKE_SOURCE_DIR}/tests/forms/run_cli.sh" $<TARGET_FILE:kalan> "${CMAKE_SOURCE_DIR}")
add_test(NAME forms.cli.wasm COMMAND bash "${CMAKE_SOURCE_DIR}/tests/forms/run_cli.sh"
         "${NODE_EXE} --no-experimental-fetch ${KALAN_WEB_DIR}/kalan-cli.js" "${CMAKE_SOURCE_DIR}")
add_test(NAME forms.xpath_conformance.wasm COMMAND bash "${CMAKE_SOURCE_DIR}/tests/forms/run_conformance.sh"
         "${NODE_EXE} --no-experimental-fetch ${KALAN_WEB_DIR}/kalan-cli.js" "${CMAKE_SOURCE_DIR}")

# The harmonized forms (scenarios/forms): structure, and files up to date with scripts/forms/*.py.
find_program(PYTHON3_EXE python3)
if(PYTHON3_EXE)
  add_test(NAME forms.check COMMAND ${PYTHON3_EXE} "${CMAKE_SOURCE_DIR}/scripts/forms/check_forms.py")
  add_test(NAME forms.generated COMMAND ${PYTHON3_EXE} "${CMAKE_SOURCE_DIR}/scripts/forms/build_forms.py" --check)
endif()
find_program(PYTHON3_EXE python3 REQUIRED)
add_test(NAME server.api COMMAND ${PYTHON3_EXE} "${CMAKE_SOURCE_DIR}/tests/server/server_api.py" $<TARGET_FILE:kalan>)
set_tests_properties(server.api PROPERTIES TIMEOUT 300 RUN_SERIAL TRUE)
add_test(NAME server.primero COMMAND ${PYTHON3_EXE} "${CMAKE_SOURCE_DIR}/tests/server/primero_api.py" $<TARGET_FILE:kalan>)
set_tests_properties(server.primero PROPERTIES TIMEOUT 120)
add_test(NAME server.kobo COMMAND ${PYTHON3_EXE} "${CMAKE_SOURCE_DIR}/tests/server/kobo_api.py" $<TARGET_FILE:kalan>)
set_tests_properties(server.kobo PROPERTIES TIMEOUT 120)
# Monthly reporting: the CLI exports of the 2024 Mopti scenario (docs/reporting.md).
add_test(NAME reporting.export_kobo COMMAND $<TARGET_FILE:kalan> report export --format kobo
         "${CMAKE_SOURCE_DIR}/scenarios/remontee-mensuelle-2024-mopti.json")
set_tests_properties(reporting.export_kobo PROPERTIES PASS_REGULAR_EXPRESSION "\"count\": 109")
add_test(NAME reporting.export_completeness COMMAND $<TARGET_FILE:kalan> report export --format completeness
         "${CMAKE_SOURCE_DIR}/scenarios/remontee-mensuelle-2024-mopti.json")
set_tests_properties(reporting.export_completeness PROPERTIES PASS_REGULAR_EXPRESSION "ong-sinignesigi,recu,recu,recu,recu,recu,manquant")
