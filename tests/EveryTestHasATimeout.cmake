# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a ctest test has no TIMEOUT property (ctest's default is 25 minutes, long enough
# to hold a CI run hostage). Run as:
#   cmake -DCTEST=... -DBUILD_DIR=... -DWORK_DIR=... -P EveryTestHasATimeout.cmake
# ctest writes Testing/Temporary/LastTest.log where it runs, even for --show-only: run from a
# folder of its own that includes the build's tests, so the outer run's log stays whole.
file(MAKE_DIRECTORY ${WORK_DIR})
file(WRITE ${WORK_DIR}/CTestTestfile.cmake "subdirs(\"${BUILD_DIR}\")\n")
execute_process(COMMAND ${CTEST} --show-only=json-v1
                WORKING_DIRECTORY ${WORK_DIR}
                OUTPUT_VARIABLE json
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "ctest --show-only failed (${status})")
endif()
string(JSON count LENGTH "${json}" tests)
if(count LESS 10)
  message(FATAL_ERROR "ctest lists only ${count} tests: test discovery failed")
endif()
# Quick count first: every test lists its properties as {"name": ..., "value": ...} pairs.
string(REGEX MATCHALL "\"name\"[ \t\n]*:[ \t\n]*\"TIMEOUT\"" timeouts "${json}")
list(LENGTH timeouts withTimeout)
if(withTimeout EQUAL count)
  message(STATUS "All ${count} tests have a TIMEOUT")
  return()
endif()
# Name the ones without (slow: string(JSON) reads the whole document each call).
math(EXPR last "${count} - 1")
set(missing "")
foreach(i RANGE ${last})
  string(JSON name GET "${json}" tests ${i} name)
  string(JSON properties ERROR_VARIABLE noProperties GET "${json}" tests ${i} properties)
  if(noProperties OR NOT properties MATCHES "\"TIMEOUT\"")
    list(APPEND missing "${name}")
  endif()
endforeach()
list(JOIN missing "\n  " shown)
message(FATAL_ERROR "Tests without a TIMEOUT:\n  ${shown}")
