import type { ReactNode } from "react";
import Link from "next/link";
import { Learner } from "./learner";

export const metadata = { title: "Ledgerly" };

// A Server Component: the layout stays mounted across <Link> navigation, and with it the
// client component that starts Pathlight.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <nav aria-label="Main">
          <Link href="/">Home</Link> · <Link href="/invoices">Invoices</Link> · <Link href="/reports">Reports</Link>
        </nav>
        <Learner />
        <main>{children}</main>
      </body>
    </html>
  );
}
