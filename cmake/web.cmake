# Web build: ImGui + SDL2 (from Debian source packages, built by tools/thirdparty.sh) + our code
# linked into digiready.js/.wasm; then the site is assembled into ${DIGIREADY_DIST}.
set(TP ${CMAKE_SOURCE_DIR}/build/thirdparty)
set(DIGIREADY_DIST ${CMAKE_SOURCE_DIR}/dist CACHE PATH "Where the deployable site goes")
if(NOT EXISTS ${TP}/sdl2/lib/libSDL2.a)
  message(FATAL_ERROR "SDL2 for wasm is missing: run tools/thirdparty.sh (make web does)")
endif()

# Emscripten's sysroot has an SDL2 config that maps to the -sUSE_SDL=2 port, which cannot download
# here; point at our prefix only, and ask for the version so a mix-up fails loudly.
find_package(SDL2 2.26 REQUIRED CONFIG PATHS ${TP}/sdl2 NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)

set(IMGUI_DIR ${TP}/imgui)
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/backends/imgui_impl_sdl.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
# No demo window, no .ini file on disk, no default font (ours is embedded).
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS
  IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_DISABLE_DEFAULT_FONT IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
target_link_libraries(imgui PUBLIC SDL2::SDL2-static)
target_compile_options(imgui PRIVATE -Oz -flto -fno-exceptions -fno-rtti -w)

# Font: Noto Sans subset to Latin + Vietnamese + the punctuation we print, at build time.
set(FONT_SRC /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf)
set(FONT_OUT ${CMAKE_BINARY_DIR}/gen/noto-sans-vi.ttf)
set(FONT_UNICODES "U+0020-007E,U+00A0,U+00B0,U+00B7,U+00D7,U+00C0-00C3,U+00C8-00CA,U+00CC-00CD,U+00D2-00D5,U+00D9-00DA,U+00DD,U+00E0-00E3,U+00E8-00EA,U+00EC-00ED,U+00F2-00F5,U+00F9-00FA,U+00FD,U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+1EA0-1EF9,U+2013-2014,U+2018-2019,U+201C-201D,U+2022,U+2026,U+20AB")
add_custom_command(OUTPUT ${FONT_OUT}
  COMMAND /usr/bin/python3 -m fontTools.subset ${FONT_SRC} --unicodes=${FONT_UNICODES}
          --no-hinting --layout-features= --desubroutinize --output-file=${FONT_OUT}
  DEPENDS ${FONT_SRC} COMMENT "Subsetting Noto Sans to Latin + Vietnamese" VERBATIM)

file(GLOB LOCALE_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/locales/*.json)
set(EMBED_OUT ${CMAKE_BINARY_DIR}/gen/embedded_assets.cpp)
add_custom_command(OUTPUT ${EMBED_OUT}
  COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tools/embed.py ${EMBED_OUT}
          dr_font_ttf=${FONT_OUT}
          dr_locale_vi=${CMAKE_SOURCE_DIR}/assets/locales/vi.json
          dr_locale_en=${CMAKE_SOURCE_DIR}/assets/locales/en.json
  DEPENDS ${FONT_OUT} ${LOCALE_FILES} ${CMAKE_SOURCE_DIR}/tools/embed.py VERBATIM)

# The platform seam's browser side only (storage_folder.cpp is its native stand-in).
file(GLOB UI_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp ${CMAKE_SOURCE_DIR}/src/platform/*_web.cpp)
add_executable(digiready_web ${CMAKE_SOURCE_DIR}/src/main.cpp ${UI_SOURCES} ${EMBED_OUT})
set_target_properties(digiready_web PROPERTIES OUTPUT_NAME digiready SUFFIX .js)
target_link_libraries(digiready_web PRIVATE digiready_app digiready_core imgui)
target_compile_options(digiready_web PRIVATE -Wall -Wextra)
# Size first (phones on 3G): -Oz, link-time optimisation, no exceptions or RTTI in our code.
set(WEB_CFLAGS -Oz -flto -fno-exceptions -fno-rtti)
target_compile_options(digiready_core PRIVATE ${WEB_CFLAGS})
target_compile_options(digiready_app PRIVATE ${WEB_CFLAGS})
target_compile_options(digiready_web PRIVATE ${WEB_CFLAGS})

# Flags holding `$` or quotes go through a response file (CMake 3.25 mangles them, toolchain.md).
set(LINK_RSP ${CMAKE_BINARY_DIR}/link.rsp)
file(WRITE ${LINK_RSP} "-sEXPORTED_FUNCTIONS=['_main','_malloc','_free']\n")
option(DIGIREADY_CLOSURE "Minify the JS with the closure compiler" ON)
target_link_options(digiready_web PRIVATE
  -Oz -flto -sUSE_SDL=0 -sENVIRONMENT=web -sFILESYSTEM=0 -sASSERTIONS=0 -sMODULARIZE=0
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16MB -sMAXIMUM_MEMORY=256MB -sTOTAL_STACK=1MB
  -sMIN_WEBGL_VERSION=1 -sMAX_WEBGL_VERSION=1 -sDISABLE_EXCEPTION_CATCHING=1
  -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0 -sTEXTDECODER=2 -sMALLOC=emmalloc
  -sSUPPORT_LONGJMP=0 -sGL_TRACK_ERRORS=0 -sGL_POOL_TEMP_BUFFERS=0 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
  -sEXIT_RUNTIME=0 -sINCOMING_MODULE_JS_API=['canvas','print','printErr','instantiateWasm','onAbort','locateFile','preRun','onRuntimeInitialized']
  @${LINK_RSP})
if(DIGIREADY_CLOSURE)
  target_link_options(digiready_web PRIVATE --closure 1)
endif()

# The spreadsheet writer: a module of its own, fetched only when a person exports (web/shell.js),
# so libxlsxwriter and zlib never weigh on the first load. MODULARIZE: the page creates it with
# DigireadyXlsx() when needed; it has a file system (in memory) because libxlsxwriter writes files.
add_executable(digiready_xlsx_web ${CMAKE_SOURCE_DIR}/src/xlsx/xlsx_module.cpp)
set_target_properties(digiready_xlsx_web PROPERTIES OUTPUT_NAME digiready-xlsx SUFFIX .js)
target_link_libraries(digiready_xlsx_web PRIVATE digiready_xlsx)
target_compile_options(digiready_xlsx_web PRIVATE -Oz -fno-exceptions -fno-rtti -Wall -Wextra)
target_compile_options(digiready_xlsx PRIVATE -Oz -fno-exceptions -fno-rtti)
set(XLSX_LINK_RSP ${CMAKE_BINARY_DIR}/xlsx-link.rsp)
file(WRITE ${XLSX_LINK_RSP} "-sEXPORTED_FUNCTIONS=['_digiready_xlsx','_malloc','_free']\n"
  "-sEXPORTED_RUNTIME_METHODS=['stringToUTF8','lengthBytesUTF8','UTF8ToString','getValue']\n")
target_link_options(digiready_xlsx_web PRIVATE
  -Oz -sMODULARIZE=1 -sEXPORT_NAME=DigireadyXlsx -sENVIRONMENT=web -sASSERTIONS=0
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16MB -sMAXIMUM_MEMORY=512MB -sDISABLE_EXCEPTION_CATCHING=1
  -sEXIT_RUNTIME=0 -sTEXTDECODER=2 @${XLSX_LINK_RSP})
if(DIGIREADY_CLOSURE)
  target_link_options(digiready_xlsx_web PRIVATE --closure 1)
endif()

# Assemble the site: our shell, service worker, manifest, icons, surveys, and the build outputs.
add_custom_target(site ALL
  COMMAND ${CMAKE_COMMAND} -DSRC=${CMAKE_SOURCE_DIR} -DBIN=${CMAKE_BINARY_DIR} -DDIST=${DIGIREADY_DIST}
          -DVERSION=${PROJECT_VERSION} -P ${CMAKE_SOURCE_DIR}/cmake/assemble-site.cmake
  COMMAND node ${CMAKE_SOURCE_DIR}/tools/precompress.mjs ${DIGIREADY_DIST}
  DEPENDS digiready_web digiready_xlsx_web COMMENT "Assembling the site in ${DIGIREADY_DIST}" VERBATIM)
