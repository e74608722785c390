"use client";
import { useSyncExternalStore } from "react";

/**
 * The colour scheme the page is drawn in. Tailwind's `dark:` variants follow the system's
 * prefers-color-scheme (app/globals.css), so components that colour themselves in script (the
 * CodeMirror editor) follow the same media query, live.
 */

export type ColorScheme = "light" | "dark";

const DARK_QUERY = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

const clientScheme = (): ColorScheme => (window.matchMedia(DARK_QUERY).matches ? "dark" : "light");
// The server cannot know the system's setting: light, corrected as soon as the page hydrates.
const serverScheme = (): ColorScheme => "light";

export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(subscribe, clientScheme, serverScheme);
}
