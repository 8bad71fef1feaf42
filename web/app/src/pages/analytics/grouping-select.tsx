import { useId } from "react";

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
