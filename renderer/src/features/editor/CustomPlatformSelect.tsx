/** The "Custom platform" select of the token dialog: "— none —" and every defined platform. */
import type { CustomPlatformView } from '../../api/types';

interface CustomPlatformSelectProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
  readonly value: string;
  readonly platforms: readonly CustomPlatformView[];
  /** The token's current one, kept as a choice even before the list has loaded. */
  readonly current: { readonly id: string; readonly name: string } | null;
  readonly onChange: (id: string) => void;
}

/** One select; values are custom platform ids, '' for none. */
export function CustomPlatformSelect({ value, platforms, current, onChange, ...props }: CustomPlatformSelectProps) {
  const choices = platforms.map((p) => ({ id: p.id, name: p.name }));
  if (current !== null && !choices.some((c) => c.id === current.id)) choices.push(current);
  return (
    <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">— none —</option>
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}
