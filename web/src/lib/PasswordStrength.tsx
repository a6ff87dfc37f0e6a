import { Progress, Stack, Text } from "@mantine/core";
import { MIN_PASSWORD_LENGTH } from "./forms.ts";

/**
 * Length is what counts most; mixing kinds of characters adds a little. This is a hint for the
 * person typing, not a rule: the server decides what it accepts.
 */
export function passwordScore(password: string): number {
  if (password.length === 0) return 0;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((kind) => kind.test(password));
  const lengthScore = Math.min(password.length / (MIN_PASSWORD_LENGTH + 8), 1) * 70;
  return Math.round(Math.min(lengthScore + kinds.length * 7.5, 100));
}

export function PasswordStrength({ password }: { password: string }) {
  const score = passwordScore(password);
  const long = password.length >= MIN_PASSWORD_LENGTH;
  // Nothing typed yet is not "too short": the advice alone is enough.
  const verdict =
    password.length === 0
      ? ""
      : !long
        ? "Too short. "
        : score >= 85
          ? "Strong. "
          : score >= 65
            ? "Good. "
            : "Fair. ";
  const color = !long ? "red" : score >= 85 ? "green" : score >= 65 ? "teal" : "yellow";
  return (
    <Stack gap={4}>
      {/* The sentence below says the same for screen readers; the bar is for the eye. */}
      <Progress value={score} color={color} size="sm" aria-hidden="true" />
      <Text size="xs" c="dimmed">
        {verdict}Use {MIN_PASSWORD_LENGTH} or more characters; a few unrelated words make a strong
        password that is easy to remember.
      </Text>
    </Stack>
  );
}
