import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "./_trpc/provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Junction", template: "%s · Junction" },
  description: "Self-hostable workflow automation.",
  // Served from public/ (with the logo, the default integration icon and robots.txt): one place for static files.
  icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
