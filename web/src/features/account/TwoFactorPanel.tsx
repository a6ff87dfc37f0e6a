import {
  Alert,
  Button,
  Code,
  Group,
  Image,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import type { SessionUser } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { applyServerErrors, required } from "../../lib/forms.ts";
import { useTotpChange, useTotpSetup } from "./api.ts";

export function TwoFactorPanel({ user }: { user: SessionUser }) {
  return user.totpEnabled ? <DisableTotp /> : <EnableTotp />;
}

function EnableTotp() {
  const setup = useTotpSetup();
  const enable = useTotpChange();
  const form = useForm({
    mode: "controlled",
    initialValues: { code: "" },
    validate: {
      code: (value) =>
        /^\d{6}$/.test(value.trim()) ? null : "Enter the six digits your app shows",
    },
    validateInputOnChange: true,
  });
  if (setup.data === undefined) {
    return (
      <Stack gap="sm">
        <Text>
          Two-factor sign-in is off. Turn it on to ask for a code from an authenticator app at each
          sign-in.
        </Text>
        <ProblemAlert error={setup.error} />
        <Button loading={setup.isPending} onClick={() => setup.mutate()} w="fit-content">
          Set up two-factor sign-in
        </Button>
      </Stack>
    );
  }
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ code }) =>
        enable.mutate(
          { enable: true, code: code.trim() },
          { onError: (error) => applyServerErrors(form, error) },
        ),
      )}
    >
      <Stack gap="sm">
        <Text>Scan this code with your authenticator app, then enter the code it shows.</Text>
        <Group align="flex-start">
          <Image
            src={setup.data.qrDataUrl}
            alt="QR code for your authenticator app"
            w={180}
            h={180}
          />
          <Stack gap={4}>
            <Text size="sm">Or enter this key by hand:</Text>
            <Code style={{ wordBreak: "break-all" }}>{setup.data.secret}</Code>
          </Stack>
        </Group>
        <TextInput
          label="Six-digit code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          w={200}
          required
          {...form.getInputProps("code")}
        />
        <ProblemAlert error={enable.error} title="Could not turn on two-factor sign-in" />
        <Button type="submit" loading={enable.isPending} w="fit-content">
          Turn on
        </Button>
      </Stack>
    </form>
  );
}

function DisableTotp() {
  const disable = useTotpChange();
  const form = useForm({
    mode: "controlled",
    initialValues: { password: "" },
    validate: { password: required("your password") },
    validateInputOnChange: true,
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ password }) =>
        disable.mutate(
          { enable: false, password },
          { onError: (error) => applyServerErrors(form, error) },
        ),
      )}
    >
      <Stack gap="sm" maw={420}>
        <Alert color="green" title="Two-factor sign-in is on">
          Each sign-in asks for a code from your authenticator app.
        </Alert>
        <PasswordInput
          label="Password, to turn it off"
          autoComplete="current-password"
          required
          {...form.getInputProps("password")}
        />
        <ProblemAlert error={disable.error} title="Could not turn off two-factor sign-in" />
        <Button
          type="submit"
          color="red"
          variant="outline"
          loading={disable.isPending}
          w="fit-content"
        >
          Turn off two-factor sign-in
        </Button>
      </Stack>
    </form>
  );
}
