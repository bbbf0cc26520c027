"use client";

import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { arrayMove, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { buildRecipeAction } from "@/lib/actions/build";
import { checkRecipe, type CatalogComponent } from "@/lib/recipes/rules";

import { recipeAnnouncements } from "./announcements";
import { Palette, PaletteCard } from "./palette";
import { RecipeForm } from "./recipe-form";
import { RecipeList, LIST_ID, type ComposerItem } from "./recipe-list";
import { RecipePreview } from "./recipe-preview";

export interface GoldenSummary {
  id: string;
  name: string;
  platform: string;
  osVersion: string;
  parentImage: string;
}

// Pointer drags use what is under the pointer; keyboard drags have no
// pointer, so they fall back to the closest item.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);

  return hits.length > 0 ? hits : closestCenter(args);
};

export function Composer({
  golden,
  palette,
  initialItems,
  team,
}: {
  golden: GoldenSummary;
  palette: CatalogComponent[];
  initialItems: string[];
  /** The team slug the recipe is tagged with. */
  team: string;
}) {
  const router = useRouter();
  const catalog = useMemo(
    () => new Map(palette.map((c) => [c.versionId, c])),
    [palette],
  );
  const [items, setItems] = useState<ComposerItem[]>(() =>
    initialItems.map((id, index) =>
      newItem(catalog.get(id)!, true, `locked-${index}`),
    ),
  );
  const [name, setName] = useState("");
  const [version, setVersion] = useState("1.0.0");
  const [description, setDescription] = useState("");
  const [dragging, setDragging] = useState<CatalogComponent | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<{
    imageId: string;
    version: string;
  } | null>(null);
  const [pending, startTransition] = useTransition();
  const [touched, setTouched] = useState(false);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
    }),
  );

  const draft = {
    name,
    version,
    description: description || undefined,
    items: items.map(({ versionId, parameters }) => ({
      versionId,
      parameters,
    })),
  };
  const issues = checkRecipe(draft, golden, catalog);
  const errors: Record<string, string> = { ...serverErrors };
  for (const issue of issues) errors[issue.field] ??= issue.message;
  const lockedCount = items.filter((item) => item.locked).length;

  function edit(update: () => void) {
    setServerErrors({});
    setMessage(null);
    setEarlier(null);
    update();
  }

  function insert(component: CatalogComponent, index = items.length) {
    edit(() =>
      setItems((current) => {
        const at = Math.max(lockedCount, Math.min(index, current.length));
        const next = [...current];
        next.splice(at, 0, newItem(component, false, `added-${nextUid()}`));
        return next;
      }),
    );
  }

  function onDragStart(event: DragStartEvent) {
    const id = String(event.active.id);
    if (id.startsWith("palette:")) {
      setDragging(catalog.get(id.slice("palette:".length)) ?? null);
    }
  }

  function onDragEnd(event: DragEndEvent) {
    setDragging(null);
    const { active, over } = event;
    if (!over) return;

    const activeId = String(active.id);
    const overId = String(over.id);
    if (activeId.startsWith("palette:")) {
      const component = catalog.get(activeId.slice("palette:".length));
      if (!component) return;

      const overIndex = items.findIndex((item) => item.uid === overId);
      if (overId === LIST_ID || overIndex === -1) return insert(component);

      const activeRect = active.rect.current.translated;
      const below =
        activeRect !== null &&
        activeRect.top + activeRect.height / 2 >
          over.rect.top + over.rect.height / 2;
      return insert(component, overIndex + (below ? 1 : 0));
    }

    const from = items.findIndex((item) => item.uid === activeId);
    const to = items.findIndex((item) => item.uid === overId);
    if (from === -1 || to === -1 || from === to) return;

    edit(() =>
      setItems((current) =>
        arrayMove(current, from, Math.max(lockedCount, to)),
      ),
    );
  }

  function build() {
    setTouched(true);
    if (issues.length > 0) {
      setMessage("Fix the problems marked on this page before building.");
      return;
    }

    startTransition(async () => {
      const result = await buildRecipeAction({
        goldenImageId: golden.id,
        ...draft,
      });
      if (result.ok && result.data.earlier) {
        setEarlier({
          imageId: result.data.imageId,
          version: result.data.earlier.version,
        });
        return;
      }
      if (result.ok) {
        router.push(`/images/${result.data.imageId}`);
        return;
      }

      setServerErrors(result.fieldErrors ?? {});
      setMessage(`${result.message} (reference ${result.requestId})`);
    });
  }

  return (
    <DndContext
      id="recipe-composer"
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements: recipeAnnouncements(catalog, items) }}
    >
      <div className="grid gap-6 lg:grid-cols-[340px_minmax(0,1fr)]">
        <Palette
          palette={palette}
          golden={golden}
          inRecipe={new Set(items.map((item) => item.versionId))}
          onAdd={(component) => insert(component)}
        />
        <div className="space-y-5">
          <RecipeForm
            name={name}
            version={version}
            description={description}
            errors={touched || name ? errors : serverErrors}
            onName={(value) => edit(() => setName(value))}
            onVersion={(value) => edit(() => setVersion(value))}
            onDescription={(value) => edit(() => setDescription(value))}
          />
          <RecipeList
            items={items}
            catalog={catalog}
            errors={errors}
            onRemove={(uid) =>
              edit(() =>
                setItems((current) => current.filter((i) => i.uid !== uid)),
              )
            }
            onParameter={(uid, parameter, value) =>
              edit(() =>
                setItems((current) =>
                  current.map((item) =>
                    item.uid === uid
                      ? {
                          ...item,
                          parameters: withValue(
                            item.parameters,
                            parameter,
                            value,
                          ),
                        }
                      : item,
                  ),
                ),
              )
            }
          />
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm">
            <div
              className="text-sm"
              aria-live="polite"
              data-testid="composer-status"
            >
              {message ? (
                <span role="alert" className="text-red-700">
                  {message}
                </span>
              ) : earlier ? (
                <span className="text-slate-700" data-testid="built-before">
                  {name} {version} was built before with exactly this recipe
                  (build {earlier.version}).{" "}
                  <Link
                    href={`/images/${earlier.imageId}`}
                    className="font-medium text-sky-700 underline"
                  >
                    Open that build
                  </Link>
                  . To build again, raise the version or run it from a
                  pipeline.
                </span>
              ) : issues.length > 0 ? (
                <span className="text-amber-700">
                  {issues.length} problem{issues.length === 1 ? "" : "s"} to fix
                  before building. First: {issues[0].message}
                </span>
              ) : (
                <span className="text-emerald-700">
                  Ready to build {name} {version}
                </span>
              )}
            </div>
            <Button onClick={build} disabled={pending}>
              {pending ? "Starting build…" : "Build image"}
            </Button>
          </div>
          <RecipePreview
            draft={draft}
            golden={golden}
            catalog={catalog}
            team={team}
          />
        </div>
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging ? <PaletteCard component={dragging} overlay /> : null}
      </DragOverlay>
    </DndContext>
  );
}

let added = 0;

// Only called from event handlers, so server and client never disagree.
function nextUid(): number {
  added += 1;

  return added;
}

function newItem(
  component: CatalogComponent,
  locked: boolean,
  uid: string,
): ComposerItem {
  const parameters: Record<string, string> = {};
  for (const parameter of component.parameters) {
    if (parameter.defaultValue !== undefined) {
      parameters[parameter.name] = parameter.defaultValue;
    }
  }

  return {
    uid,
    versionId: component.versionId,
    locked,
    parameters,
  };
}

// An emptied field means "not set", so required parameters are flagged.
function withValue(
  parameters: Record<string, string>,
  name: string,
  value: string,
): Record<string, string> {
  const next = { ...parameters };
  if (value === "") delete next[name];
  else next[name] = value;

  return next;
}
