import { Link } from "react-router-dom";

/** "France, Germany": each record linking to its page, comma-separated. */
export function LinkList({
  records,
  to,
}: {
  records: readonly { id: string; name: string }[];
  to: (id: string) => string;
}) {
  return (
    <>
      {records.map((record, index) => (
        <span key={record.id}>
          {index > 0 && ", "}
          <Link to={to(record.id)}>{record.name}</Link>
        </span>
      ))}
    </>
  );
}
