import { useId, useState } from "react";

/** A labelled choice of how a figure is grouped. */
export function GroupingSelect<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: Record<T, string>;
  onChange(value: T): void;
}) {
  const id = useId();
  return (
    <p className="grouping">
      <label htmlFor={id}>{label}</label>{" "}
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {Object.entries<string>(options).map(([option, name]) => (
          <option key={option} value={option}>
            {name}
          </option>
        ))}
      </select>
    </p>
  );
}

/** The grouping a figure is shown by (`initial` first) and the props of its GroupingSelect. */
export function useGrouping<T extends string>(options: Record<T, string>, initial: NoInfer<T>) {
  const [value, onChange] = useState<T>(initial);
  return [value, { value, options, onChange }] as const;
}
