/**
 * IT general controls: the controls over change and access that make an automated control's
 * single test meaningful. A system that ran a setting correctly once keeps running it only if
 * nobody could change the setting, or the code behind it, without review and authorization.
 */

/** The library families that count as IT general controls, by ref prefix. */
export const ITGC_FAMILIES = [
  { prefix: "CM-", area: "change management" },
  { prefix: "AC-", area: "logical access" },
] as const;

export function isItgc(ref: string): boolean {
  return ITGC_FAMILIES.some((family) => ref.startsWith(family.prefix));
}

/**
 * The IT general controls an automated control relies on: every change-management and
 * logical-access control of the engagement's tested scope except itself. Each automated
 * control's sample records this list, so the reliance can be checked control by control.
 */
export function itgcsReliedOn(ref: string, testedRefs: readonly string[]): string[] {
  return testedRefs.filter((other) => other !== ref && isItgc(other));
}
