"use client";

import { useDraggable } from "@dnd-kit/core";
import { useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { fitsTarget, type CatalogComponent } from "@/lib/recipes/rules";

import type { GoldenSummary } from "./composer";

export function Palette({
  palette,
  golden,
  inRecipe,
  onAdd,
}: {
  palette: CatalogComponent[];
  golden: GoldenSummary;
  inRecipe: Set<string>;
  onAdd: (component: CatalogComponent) => void;
}) {
  const [query, setQuery] = useState("");
  const [showAll, setShowAll] = useState(false);
  const needle = query.trim().toLowerCase();
  const visible = palette
    .filter((c) => !c.mandatory)
    .filter((c) => showAll || fitsTarget(c, golden))
    .filter(
      (c) =>
        !needle ||
        c.name.toLowerCase().includes(needle) ||
        c.description.toLowerCase().includes(needle),
    );

  return (
    <Card className="self-start lg:sticky lg:top-6">
      <CardHeader
        title="Approved components"
        description={
          showAll
            ? "All platforms"
            : `Only those that run on ${golden.osVersion}`
        }
      />
      <div className="space-y-3 p-4">
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Search components"
          aria-label="Search components"
          className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
        <label className="flex items-center gap-2 text-xs text-slate-600">
          <input
            type="checkbox"
            checked={showAll}
            onChange={(event) => setShowAll(event.target.checked)}
          />
          Show components for other platforms
        </label>
        <ul className="space-y-2" aria-label="Component palette">
          {visible.map((component) => (
            <li key={component.versionId}>
              <DraggableCard
                component={component}
                added={inRecipe.has(component.versionId)}
                onAdd={() => onAdd(component)}
              />
            </li>
          ))}
        </ul>
        {visible.length === 0 && (
          <p className="py-6 text-center text-sm text-slate-500">
            No components match.
          </p>
        )}
        <p className="text-xs text-slate-500">
          Drag a component into the recipe, or use its Add button.
        </p>
      </div>
    </Card>
  );
}

function DraggableCard({
  component,
  added,
  onAdd,
}: {
  component: CatalogComponent;
  added: boolean;
  onAdd: () => void;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `palette:${component.versionId}`,
  });

  return (
    <div
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      aria-label={`Drag ${component.name} into the recipe`}
      data-testid={`palette-${component.name}`}
      className={cn(
        "cursor-grab touch-none rounded-lg focus-visible:outline-2",
        isDragging && "opacity-40",
      )}
    >
      <PaletteCard component={component} added={added} onAdd={onAdd} />
    </div>
  );
}

export function PaletteCard({
  component,
  added,
  onAdd,
  overlay,
}: {
  component: CatalogComponent;
  added?: boolean;
  onAdd?: () => void;
  overlay?: boolean;
}) {
  return (
    <div
      className={cn(
        "rounded-lg border bg-white px-3 py-2.5",
        overlay
          ? "w-80 border-brand-500 shadow-lg"
          : "border-slate-200 hover:border-slate-300",
      )}
    >
      <div className="flex items-center justify-between gap-2">
        <span className="truncate text-sm font-medium text-slate-900">
          {component.name}
        </span>
        <span className="flex shrink-0 items-center gap-1">
          <Badge tone={component.type === "TEST" ? "purple" : "slate"}>
            {component.type === "TEST" ? "Test" : "Build"}
          </Badge>
          {onAdd && (
            <button
              type="button"
              onPointerDown={(event) => event.stopPropagation()}
              onKeyDown={(event) => event.stopPropagation()}
              onClick={onAdd}
              className="rounded px-1.5 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50"
              aria-label={`Add ${component.name}`}
            >
              {added ? "Add again" : "Add"}
            </button>
          )}
        </span>
      </div>
      <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">
        {component.description}
      </p>
      <p className="mt-1 text-[11px] text-slate-400">
        v{component.version} · {component.platform} · {component.ownerTeam}
      </p>
    </div>
  );
}
