import type { Metadata } from "next";
import { CataloguePage } from "./catalogue-page";

export const metadata: Metadata = { title: "Integrations" };

export default function Page() {
  return <CataloguePage />;
}
