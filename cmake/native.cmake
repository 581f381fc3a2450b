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

add_executable(kalan native/main.cpp native/desktop.cpp)
target_link_libraries(kalan PRIVATE kalan_cli kalan_ui ${IMGUI_LIB} PkgConfig::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
if(STB_LIB)
  target_link_libraries(kalan PRIVATE ${STB_LIB})
endif()

include(cmake/tests.cmake)
