"use client";

import { useState } from "react";

export default function Invoices() {
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
