import { pathlight } from "pathlight";

// Rendered on the server for every request, so that `next start` runs this Server Component
// (and the client components' server rendering) each time the tests load the page.
export const dynamic = "force-dynamic";

export default function Home() {
  // A Server Component calling the package, as a vendor might by mistake: on the server
  // every call does nothing, and nothing throws.
  pathlight("track", "home_rendered");
  return <h1>Home</h1>;
}
