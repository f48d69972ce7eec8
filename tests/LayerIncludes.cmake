# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file under DIR includes something matching PATTERN: the layers of
# DESIGN.md ("a folder is a room") checked by CTest. Run as:
#   cmake -DDIR=<folder> -DPATTERN=<regex on the include target> -P LayerIncludes.cmake
file(GLOB_RECURSE sources "${DIR}/*.cpp" "${DIR}/*.h")
set(found "")
foreach(source IN LISTS sources)
  file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  foreach(line IN LISTS lines)
    if(line MATCHES "include[ \t]*[<\"](${PATTERN})")
      string(APPEND found "${source}: ${line}\n")
    endif()
  endforeach()
endforeach()
if(found)
  message(FATAL_ERROR "Includes that cross a layer line (${PATTERN} in ${DIR}):\n${found}")
endif()
