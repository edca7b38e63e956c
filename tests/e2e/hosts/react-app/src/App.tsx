import { useEffect, useState } from "react";
import { Link, Route, Routes } from "react-router";
import { pathlight, usePathlight, usePathlightEvent } from "pathlight/react";

/** The signed-in learner, as the app's session knows them. */
const learner = { id: "u-42", traits: { role: "admin", plan: "trial" } };

export function App() {
  // As a vendor's app starts Pathlight: in its root component, with the learner.
  usePathlight({ lessons: "/lessons.json", user: learner, theme: "light" });
  usePathlightEvent("completed", (detail) => {
    // What a vendor forwards to its analytics; the tests read it back.
    const log = ((window as Window & { completedLessons?: string[] }).completedLessons ??= []);
    log.push(`${detail.lesson}:${detail.how}`);
  });
  return (
    <div>
      <nav aria-label="Main">
        <Link to="/">Home</Link> · <Link to="/invoices">Invoices</Link> · <Link to="/reports">Reports</Link>
      </nav>
      <main>
        <Routes>
          <Route path="/" element={<h1>Home</h1>} />
          <Route path="/invoices" element={<Invoices />} />
          <Route path="/reports" element={<Reports />} />
        </Routes>
      </main>
    </div>
  );
}

function Invoices() {
  const [invoices, setInvoices] = useState<string[]>([]);
  return (
    <section>
      <h1>Invoices</h1>
      <button type="button" data-pathlight="invoices.new" onClick={() => setInvoices((all) => [...all, `INV-${all.length + 1}`])}>
        New invoice
      </button>
      <ul>
        {invoices.map((id) => (
          <li key={id}>{id}</li>
        ))}
      </ul>
    </section>
  );
}

/** The toolbar is keyed by the period: choosing another one makes React throw the old
 * buttons away and create new ones, as many apps' toolbars do. */
function Reports() {
  const [period, setPeriod] = useState("month");
  const [exported, setExported] = useState(0);
  useEffect(() => {
    document.title = `Reports (${period})`;
  }, [period]);
  return (
    <section>
      <h1>Reports</h1>
      <label>
        Period{" "}
        <select value={period} onChange={(e) => setPeriod(e.target.value)}>
          <option value="month">This month</option>
          <option value="quarter">This quarter</option>
        </select>
      </label>
      <div key={period} className="toolbar" data-period={period}>
        <button
          type="button"
          data-pathlight="reports.export"
          onClick={() => {
            setExported((n) => n + 1);
            pathlight("track", "report_exported");
          }}
        >
          Export {period}
        </button>
      </div>
      <p role="status">{exported ? `Exported ${exported} time(s)` : ""}</p>
    </section>
  );
}
