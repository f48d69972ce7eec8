# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when BINARY loads a shared library matching PATTERN, directly or through another
# (ldd lists both). Run as:
#   cmake -DBINARY=<executable> -DPATTERN=<regex on the library's name> -P LinkedLibraries.cmake
execute_process(COMMAND ldd "${BINARY}" OUTPUT_VARIABLE libraries RESULT_VARIABLE failed)
if(failed OR NOT libraries MATCHES "libc\\.so")
  message(FATAL_ERROR "ldd could not list the libraries of ${BINARY}:\n${libraries}")
endif()
string(REGEX MATCHALL "[^\n]*(${PATTERN})[^\n]*" found "${libraries}")
if(found)
  list(JOIN found "\n" found)
  message(FATAL_ERROR "${BINARY} loads what it should not (${PATTERN}):\n${found}")
endif()
