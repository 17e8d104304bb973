package com.axcient.connectwise.integration.core.policy;

import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import java.util.List;

/**
 * A check of a changed policy before it is applied, beyond each section's own validator, such as
 * whether the boards its ticketing rules name exist in ConnectWise.
 */
@FunctionalInterface
public interface PolicyValidator {

  /**
   * Every problem with the policy, each naming the field (such as {@code
   * policy.sections.ticketing.rules[0].boardId}) and the fix; empty when it can be applied.
   *
   * @throws RuntimeException when the policy cannot be checked now; the sync then keeps the last
   *     good policy and tries again at the next run
   */
  List<SettingsProblem> validate(GlobalPolicy policy);
}
