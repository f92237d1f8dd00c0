# Copies the built app and our static files into DIST and stamps the service worker with a build id
# (a hash of every file), so an update is one atomic switch from old files to new ones.
file(REMOVE_RECURSE ${DIST})
file(MAKE_DIRECTORY ${DIST}/surveys)
file(COPY ${BIN}/digiready.js ${BIN}/digiready.wasm ${BIN}/digiready.deferred.wasm ${BIN}/zbar-qr.js ${BIN}/zbar-qr.wasm DESTINATION ${DIST})
# The spreadsheet writer, loaded only when someone exports (cached for offline use like the rest).
file(COPY ${BIN}/digiready-xlsx.js ${BIN}/digiready-xlsx.wasm DESTINATION ${DIST})
file(GLOB web_files ${SRC}/web/*)
list(FILTER web_files EXCLUDE REGEX "(sw|shell)\\.js$")
file(COPY ${web_files} DESTINATION ${DIST})
file(SIZE ${BIN}/digiready.wasm wasm_bytes)
file(READ ${SRC}/web/shell.js shell)
string(REPLACE "@WASM_BYTES@" "${wasm_bytes}" shell "${shell}")
file(WRITE ${DIST}/shell.js "${shell}")

# The scripts the first frame waits for go out minified (closure, SIMPLE: local names and
# whitespace only, so window.digiready and the DOM ids stay as written): 4 KB brotli less on 3G.
if(CLOSURE)
  foreach(js shell.js semantics.js)
    execute_process(COMMAND ${CLOSURE} --compilation_level SIMPLE --language_in ECMASCRIPT_2020
                            --language_out ECMASCRIPT_2020 --js ${DIST}/${js} --js_output_file ${DIST}/${js}.min
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "closure could not minify web/${js}")
    endif()
    file(RENAME ${DIST}/${js}.min ${DIST}/${js})
  endforeach()
endif()

# Surveys are data: copied without the whitespace between tokens (their checksum is over canonical
# JSON, so it does not change), listed in surveys/index.json for the app to fetch. Older versions
# live in surveys/archive/ (e.g. "archive/household-digital-skills-1.0.0.json") and ship too, so
# drafts and results made with them still open and verify.
file(MAKE_DIRECTORY ${DIST}/surveys/archive)
# Current versions first, then the archive (each sorted), so the list starts with what to offer.
file(GLOB surveys RELATIVE ${SRC}/assets/surveys ${SRC}/assets/surveys/*.json)
file(GLOB archived RELATIVE ${SRC}/assets/surveys ${SRC}/assets/surveys/archive/*.json)
list(SORT surveys)
list(SORT archived)
list(APPEND surveys ${archived})
set(index "")
foreach(s IN LISTS surveys)
  execute_process(COMMAND /usr/bin/python3 ${SRC}/tools/minify-json.py ${SRC}/assets/surveys/${s} ${DIST}/surveys/${s}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "could not copy survey ${s}")
  endif()
  string(APPEND index "\"${s}\",")
endforeach()
string(REGEX REPLACE ",$" "" index "${index}")
file(WRITE ${DIST}/surveys/index.json "[${index}]\n")

# The precache list and build id.
file(GLOB_RECURSE all RELATIVE ${DIST} ${DIST}/*)
list(SORT all)
set(ids "")
set(list "")
set(on_demand "")
foreach(f IN LISTS all)
  file(SHA256 ${DIST}/${f} h)
  string(APPEND ids "${f}:${h};")
  # The spreadsheet writer is cached when first asked for, not on the first visit (web/sw.js).
  if(f MATCHES "^digiready-xlsx\\.")
    string(APPEND on_demand "  './${f}',\n")
  else()
    string(APPEND list "  './${f}',\n")
  endif()
endforeach()
string(SHA256 build_id "${ids}")
string(SUBSTRING ${build_id} 0 16 build_id)
file(READ ${SRC}/web/sw.js sw)
string(REPLACE "@BUILD_ID@" "${VERSION}-${build_id}" sw "${sw}")
string(REPLACE "  '@PRECACHE@',\n" "${list}" sw "${sw}")
string(REPLACE "  '@ON_DEMAND@',\n" "${on_demand}" sw "${sw}")
if(sw MATCHES "@PRECACHE@|@BUILD_ID@|@ON_DEMAND@")
  message(FATAL_ERROR "web/sw.js placeholders were not replaced: the service worker would never install")
endif()
file(WRITE ${DIST}/sw.js "${sw}")
file(WRITE ${DIST}/version.json "{\"version\":\"${VERSION}\",\"build\":\"${build_id}\"}\n")
