import { ExportButton } from "./export-button";

export default function Reports() {
  return (
    <section>
      <h1>Reports</h1>
      <ExportButton />
    </section>
  );
}
