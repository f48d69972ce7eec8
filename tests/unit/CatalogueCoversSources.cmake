# SPDX-License-Identifier: GPL-3.0-or-later
# Refreshes a copy of the zh_CN catalogue from the sources with lupdate (what
# `update_translations` does to the real one), then runs the catalogue check on the copy: a
# sentence added to the code without its translation comes out unfinished, and fails here.
# -D LUPDATE=... -D SOURCE_DIR=... -D TS=... -D WORK_DIR=... -D CHECKER=<poplar-unit-tests>
file(MAKE_DIRECTORY "${WORK_DIR}")
set(copy "${WORK_DIR}/poplar_zh_CN.ts")
file(COPY_FILE "${TS}" "${copy}")
execute_process(
  COMMAND "${LUPDATE}" -no-obsolete -locations none -extensions cpp,h
          -I "${SOURCE_DIR}/core" -I "${SOURCE_DIR}/ui"
          "${SOURCE_DIR}/core" "${SOURCE_DIR}/ui" "${SOURCE_DIR}/app" -ts "${copy}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc}):\n${out}")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env "POPLAR_TS_TO_CHECK=${copy}" "${CHECKER}"
          --gtest_filter=TranslationCatalogue.EveryMessageIsTranslatedWithItsPlaceholders
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "The sources have sentences the catalogue does not translate: run "
                      "`cmake --build build --target update_translations` and translate the "
                      "entries marked unfinished in resources/translations/poplar_zh_CN.ts.")
endif()
