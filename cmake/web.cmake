# Web build: ImGui (from Debian's source package, unpacked by tools/thirdparty.sh) + our code linked
# into digiready.js/.wasm; then the site is assembled into ${DIGIREADY_DIST}. The page's input comes
# from the browser directly (src/platform/page_input.hpp), without SDL.
set(TP ${CMAKE_SOURCE_DIR}/build/thirdparty)
set(DIGIREADY_DIST ${CMAKE_SOURCE_DIR}/dist CACHE PATH "Where the deployable site goes")
if(NOT EXISTS ${TP}/imgui/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui's source is missing: run tools/thirdparty.sh (make web does)")
endif()

set(IMGUI_DIR ${TP}/imgui)
# imgui_draw.cpp without ProggyClean, ImGui's built-in font (12 KB of base85, 9.2 KB brotli): 1.86
# has no switch for it (IMGUI_DISABLE_DEFAULT_FONT came later) and links it whenever the atlas is
# built. We always add our own font before building (src/ui/widgets.cpp), so the array is emptied
# in a copy made here; a version whose source does not match stops the build.
set(IMGUI_DRAW_LEAN ${CMAKE_BINARY_DIR}/gen/imgui_draw.cpp)
file(READ ${IMGUI_DIR}/imgui_draw.cpp IMGUI_DRAW_SRC)
string(FIND "${IMGUI_DRAW_SRC}" "static const char proggy_clean_ttf_compressed_data_base85[11980 + 1] =" FROM)
string(FIND "${IMGUI_DRAW_SRC}" "static const char* GetDefaultCompressedFontDataTTFBase85()" TO)
if(FROM EQUAL -1 OR TO LESS FROM)
  message(FATAL_ERROR "imgui_draw.cpp: ProggyClean's data not found; check cmake/web.cmake against this ImGui version")
endif()
string(SUBSTRING "${IMGUI_DRAW_SRC}" 0 ${FROM} HEAD)
string(SUBSTRING "${IMGUI_DRAW_SRC}" ${TO} -1 TAIL)
set(IMGUI_DRAW_LEAN_SRC "${HEAD}static const char proggy_clean_ttf_compressed_data_base85[1] = \"\"; // emptied by cmake/web.cmake\n\n${TAIL}")
set(IMGUI_DRAW_OLD "")
if(EXISTS ${IMGUI_DRAW_LEAN})
  file(READ ${IMGUI_DRAW_LEAN} IMGUI_DRAW_OLD)
endif()
if(NOT IMGUI_DRAW_OLD STREQUAL IMGUI_DRAW_LEAN_SRC)  # rewritten only when it changes: no needless rebuild
  file(WRITE ${IMGUI_DRAW_LEAN} "${IMGUI_DRAW_LEAN_SRC}")
endif()
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DRAW_LEAN} ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
# No demo window, no .ini file on disk, no default font (ours is embedded).
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS
  IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_DISABLE_DEFAULT_FONT IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
target_compile_options(imgui PRIVATE -Oz -flto -fno-exceptions -fno-rtti -w)
# The backend's per-frame saving of GL state asks each value once (src/platform/gl_state_web.cpp).
set_source_files_properties(${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp PROPERTIES
  COMPILE_DEFINITIONS "glGetIntegerv=dr_gl_get_integerv;glIsEnabled=dr_gl_is_enabled")

# Font: Noto Sans subset to Latin + Vietnamese + the punctuation we print, at build time.
set(FONT_SRC /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf)
set(FONT_OUT ${CMAKE_BINARY_DIR}/gen/noto-sans-vi.ttf)
set(FONT_UNICODES "U+0020-007E,U+00A0,U+00B0,U+00B7,U+00D7,U+00C0-00C3,U+00C8-00CA,U+00CC-00CD,U+00D2-00D5,U+00D9-00DA,U+00DD,U+00E0-00E3,U+00E8-00EA,U+00EC-00ED,U+00F2-00F5,U+00F9-00FA,U+00FD,U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+1EA0-1EF9,U+2013-2014,U+2018-2019,U+201C-201D,U+2022,U+2026,U+20AB")
# Every character of the locale files (LOCALE_FILES, CMakeLists.txt) too: a new language's letters
# come with its file, with no list to edit here (if Noto Sans has them).
set(FONT_TEXT_FILES)
foreach(f ${LOCALE_FILES})
  list(APPEND FONT_TEXT_FILES --text-file=${f})
endforeach()
add_custom_command(OUTPUT ${FONT_OUT}
  COMMAND /usr/bin/python3 -m fontTools.subset ${FONT_SRC} --unicodes=${FONT_UNICODES} ${FONT_TEXT_FILES}
          --no-hinting --layout-features= --desubroutinize --output-file=${FONT_OUT}
  DEPENDS ${FONT_SRC} ${LOCALE_FILES} COMMENT "Subsetting Noto Sans to Latin + Vietnamese + the locale files" VERBATIM)

set(EMBED_OUT ${CMAKE_BINARY_DIR}/gen/embedded_assets.cpp)
add_custom_command(OUTPUT ${EMBED_OUT}
  COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tools/embed.py ${EMBED_OUT}
          dr_font_ttf=${FONT_OUT}
  DEPENDS ${FONT_OUT} ${CMAKE_SOURCE_DIR}/tools/embed.py VERBATIM)

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
  -sGL_PREINITIALIZED_CONTEXT=1  # made by web/shell.js during the download
  -sEXIT_RUNTIME=0 -sBINARYEN_EXTRA_PASSES=--converge,--one-caller-inline-max-function-size=100 -sINCOMING_MODULE_JS_API=['canvas','print','printErr','instantiateWasm','onAbort','locateFile','preRun','onRuntimeInitialized','loadSplitModule','preinitializedWebGLContext']
  @${LINK_RSP})
# Code loaded after the first frame (docs/size.md): -sSPLIT_MODULE gives the glue its placeholders
# (emcc leaves the linked module in digiready.wasm.orig, with function names from
# --profiling-funcs, and an instrumented one in digiready.wasm); tools/split-wasm.py then cuts
# digiready.wasm.orig into digiready.wasm and digiready.deferred.wasm, without names. wasm-opt folds
# a function into its only caller whatever its size unless told otherwise: the limit above keeps
# the big ones (DR_LATER_CODE, src/platform/later_code.hpp) apart so that they can be moved.
set(LATER_CODE_JS ${CMAKE_SOURCE_DIR}/src/platform/later_code.js)
target_link_options(digiready_web PRIVATE -sSPLIT_MODULE=1 --profiling-funcs --pre-js ${LATER_CODE_JS})
set_property(TARGET digiready_web APPEND PROPERTY LINK_DEPENDS ${LATER_CODE_JS})
add_custom_command(TARGET digiready_web POST_BUILD
  COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tools/split-wasm.py ${CMAKE_BINARY_DIR}/digiready.wasm.orig
          ${CMAKE_BINARY_DIR}/digiready.wasm ${CMAKE_BINARY_DIR}/digiready.deferred.wasm
  COMMENT "Splitting digiready.wasm: what the first frame needs, and the rest" VERBATIM)
if(DIGIREADY_CLOSURE)
  target_link_options(digiready_web PRIVATE --closure 1)
endif()

# The spreadsheet writer: a module of its own, fetched only when a person exports (web/shell.js),
# so libxlsxwriter and zlib never weigh on the first load. MODULARIZE: the page creates it with
# DigireadyXlsx() when needed; it has a file system (in memory) because libxlsxwriter writes files.
add_executable(digiready_xlsx_web ${CMAKE_SOURCE_DIR}/src/platform/xlsx_module.cpp)
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
          -DVERSION=${PROJECT_VERSION} -DCLOSURE=$<$<BOOL:${DIGIREADY_CLOSURE}>:${CMAKE_SOURCE_DIR}/node_modules/.bin/google-closure-compiler>
          -P ${CMAKE_SOURCE_DIR}/cmake/assemble-site.cmake
  COMMAND node ${CMAKE_SOURCE_DIR}/tools/precompress.mjs ${DIGIREADY_DIST}
  DEPENDS digiready_web digiready_xlsx_web COMMENT "Assembling the site in ${DIGIREADY_DIST}" VERBATIM)

# The organiser's QR reader for browsers without BarcodeDetector: zbar's image scanner and QR decoder
# (Debian source package, unpacked by tools/zbar.sh; never committed) in a wasm of its own,
# dist/zbar-qr.js/.wasm, started by web/zbar-worker.js only when the camera opens (tools/budgets.mjs
# counts it as loaded later, not in the first frame).
set(ZBAR_DIR ${TP}/zbar)
if(NOT EXISTS ${ZBAR_DIR}/zbar/qrcode/qrdec.c)
  execute_process(COMMAND ${CMAKE_SOURCE_DIR}/tools/zbar.sh ${TP} RESULT_VARIABLE ZBAR_RC)
  if(NOT ZBAR_RC EQUAL 0)
    message(FATAL_ERROR "could not fetch zbar (tools/zbar.sh)")
  endif()
endif()
add_library(zbar_qr_lib STATIC
  ${ZBAR_DIR}/zbar/img_scanner.c ${ZBAR_DIR}/zbar/scanner.c ${ZBAR_DIR}/zbar/decoder.c
  ${ZBAR_DIR}/zbar/image.c ${ZBAR_DIR}/zbar/symbol.c ${ZBAR_DIR}/zbar/refcnt.c ${ZBAR_DIR}/zbar/error.c
  ${ZBAR_DIR}/zbar/config.c ${ZBAR_DIR}/zbar/decoder/qr_finder.c
  ${ZBAR_DIR}/zbar/qrcode/bch15_5.c ${ZBAR_DIR}/zbar/qrcode/binarize.c ${ZBAR_DIR}/zbar/qrcode/isaac.c
  ${ZBAR_DIR}/zbar/qrcode/qrdec.c ${ZBAR_DIR}/zbar/qrcode/qrdectxt.c ${ZBAR_DIR}/zbar/qrcode/rs.c
  ${ZBAR_DIR}/zbar/qrcode/util.c)
target_include_directories(zbar_qr_lib SYSTEM PUBLIC ${ZBAR_DIR} ${ZBAR_DIR}/include ${ZBAR_DIR}/zbar)
target_compile_options(zbar_qr_lib PRIVATE -Oz -flto -w)
add_executable(zbar_qr ${CMAKE_SOURCE_DIR}/src/platform/qr_reader_zbar.c ${CMAKE_SOURCE_DIR}/src/platform/zbar_iconv.c)
set_target_properties(zbar_qr PROPERTIES OUTPUT_NAME zbar-qr SUFFIX .js)
target_compile_options(zbar_qr PRIVATE -Oz -flto -Wall -Wextra)
target_link_libraries(zbar_qr PRIVATE zbar_qr_lib)
set(ZBAR_RSP ${CMAKE_BINARY_DIR}/zbar-link.rsp)
file(WRITE ${ZBAR_RSP} "-sEXPORTED_FUNCTIONS=['_qr_reader_create','_qr_reader_frame','_qr_reader_scan','_qr_reader_destroy']\n-sEXPORTED_RUNTIME_METHODS=['UTF8ToString','HEAPU8']\n")
target_link_options(zbar_qr PRIVATE
  -Oz -flto --no-entry -sMODULARIZE=1 -sEXPORT_NAME=ZbarQr -sENVIRONMENT=worker -sFILESYSTEM=0
  -sASSERTIONS=0 -sALLOW_MEMORY_GROWTH=1 -sMALLOC=emmalloc -sSUPPORT_LONGJMP=0 @${ZBAR_RSP})
if(DIGIREADY_CLOSURE)
  target_link_options(zbar_qr PRIVATE --closure 1)
endif()
add_dependencies(site zbar_qr)
