# Native build: the desktop app + CLI (`kalan`), the core tests, the benchmark, and every test in CTest.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SDL2 REQUIRED IMPORTED_TARGET sdl2)
find_package(OpenGL REQUIRED)
find_path(IMGUI_INCLUDE imgui.h PATH_SUFFIXES imgui REQUIRED)
find_library(IMGUI_LIB imgui REQUIRED)
find_library(STB_LIB stb)

file(GLOB KALAN_UI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/ui/*.cpp")
add_library(kalan_ui STATIC ${KALAN_UI_SOURCES})
target_include_directories(kalan_ui PUBLIC "${CMAKE_SOURCE_DIR}/ui" "${IMGUI_INCLUDE}" "${IMGUI_INCLUDE}/backends")
target_link_libraries(kalan_ui PUBLIC kalan_sim kalan_assets)

# The sandbox server (`kalan serve`): native only, so kalan_cli stays free of HTTP and SQLite for wasm.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
find_package(Threads REQUIRED)
file(GLOB KALAN_SERVER_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/native/server/*.cpp")
add_library(kalan_server STATIC ${KALAN_SERVER_SOURCES})
target_include_directories(kalan_server PUBLIC "${CMAKE_SOURCE_DIR}/native/server")
target_link_libraries(kalan_server PUBLIC kalan_cli kalan_assets PkgConfig::HTTPLIB PkgConfig::SQLITE3 Threads::Threads)

add_executable(kalan native/main.cpp native/desktop.cpp native/room_transport.cpp)
target_link_libraries(kalan PRIVATE kalan_server kalan_cli kalan_ui ${IMGUI_LIB} PkgConfig::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
if(STB_LIB)
  target_link_libraries(kalan PRIVATE ${STB_LIB})
endif()

include(cmake/tests.cmake)
