package com.axcient.connectwise.integration.core.settings.files;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.client.NotFoundException;
import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks that the records an imported document refers to (boards, statuses, companies,
 * agreements...) exist in ConnectWise. The module that owns a section implements it; an import
 * runs it after the whole document passed the offline checks and before anything is returned.
 */
@FunctionalInterface
public interface ReferenceChecker {

  /**
   * Every reference in the candidate that cannot be used, each naming the field (such as {@code
   * sections.ticketing.rules[0].boardId}) and the fix; empty when all are fine.
   */
  List<SettingsProblem> check(ImportedSettings candidate);

  /**
   * A checker that looks each board id up with {@code client.boards().get(id)}.
   *
   * @param client a client for the site the settings will be used with
   * @param boardIdsByField the board ids the candidate refers to, by the field that holds each
   */
  static ReferenceChecker boardsExist(
      ConnectWiseClient client, Function<ImportedSettings, Map<String, Long>> boardIdsByField) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(boardIdsByField, "boardIdsByField");
    return candidate -> {
      List<SettingsProblem> problems = new ArrayList<>();
      boardIdsByField
          .apply(candidate)
          .forEach(
              (field, boardId) -> {
                try {
                  client.boards().get(boardId);
                } catch (NotFoundException e) {
                  problems.add(
                      new SettingsProblem(
                          field,
                          "refers to service board "
                              + boardId
                              + ", which does not exist in ConnectWise: choose an existing board"
                              + " (Setup Tables › Service Board) and export the settings again,"
                              + " or correct the id in the file"));
                } catch (ConnectWiseException e) {
                  problems.add(
                      new SettingsProblem(
                          field,
                          "could not be checked against ConnectWise ("
                              + e.getMessage()
                              + "): run Test connection, fix what it reports and import again"));
                }
              });
      return problems;
    };
  }
}
