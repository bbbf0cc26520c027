"use client";

import { useDroppable } from "@dnd-kit/core";
import {
  SortableContext,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";

import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { CatalogComponent } from "@/lib/recipes/rules";

import { FieldError } from "@/components/ui/field";
import { ParameterFields } from "./parameter-fields";

export const LIST_ID = "recipe-list";

export interface ComposerItem {
  uid: string;
  versionId: string;
  locked: boolean;
  parameters: Record<string, string>;
}

interface ListProps {
  items: ComposerItem[];
  catalog: ReadonlyMap<string, CatalogComponent>;
  errors: Record<string, string>;
  onRemove: (uid: string) => void;
  onParameter: (uid: string, name: string, value: string) => void;
}

export function RecipeList(props: ListProps) {
  const { items, errors } = props;
  const { setNodeRef, isOver } = useDroppable({ id: LIST_ID });

  return (
    <Card>
      <CardHeader
        title="Recipe components"
        description="Run in this order. Drag to reorder, or focus a handle and use Space and the arrow keys."
      />
      <div
        ref={setNodeRef}
        data-testid="recipe-list"
        className={cn(
          "min-h-32 space-y-2 p-4 transition-colors",
          isOver && "bg-brand-50/60",
        )}
      >
        <SortableContext
          items={items.map((item) => item.uid)}
          strategy={verticalListSortingStrategy}
        >
          <ol className="space-y-2" aria-label="Recipe components">
            {items.map((item, index) => (
              <SortableItem
                key={item.uid}
                item={item}
                index={index}
                {...props}
              />
            ))}
          </ol>
        </SortableContext>
        <div className="rounded-lg border-2 border-dashed border-slate-200 px-4 py-5 text-center text-sm text-slate-400">
          Drop components here
        </div>
        <FieldError message={errors.items} />
      </div>
    </Card>
  );
}

function SortableItem({
  item,
  index,
  catalog,
  errors,
  onRemove,
  onParameter,
}: ListProps & { item: ComposerItem; index: number }) {
  const component = catalog.get(item.versionId);
  const sortable = useSortable({ id: item.uid, disabled: item.locked });
  const style = {
    transform: CSS.Transform.toString(sortable.transform),
    transition: sortable.transition,
  };
  if (!component) return null;

  const itemError = errors[`items.${index}`];

  return (
    <li
      ref={sortable.setNodeRef}
      style={style}
      data-testid={`recipe-item-${component.name}`}
      className={cn(
        "rounded-lg border bg-white",
        itemError ? "border-red-300" : "border-slate-200",
        sortable.isDragging && "relative z-10 shadow-lg",
      )}
    >
      <div className="flex items-center gap-3 px-3 py-2.5">
        {item.locked ? (
          <span
            className="flex size-7 items-center justify-center text-slate-400"
            title="Mandatory CCOE component: always first, cannot be removed"
          >
            <LockIcon />
          </span>
        ) : (
          <button
            type="button"
            ref={sortable.setActivatorNodeRef}
            {...sortable.attributes}
            {...sortable.listeners}
            aria-label={`Reorder ${component.name}`}
            className="flex size-7 cursor-grab touch-none items-center justify-center rounded text-slate-400 hover:bg-slate-100 hover:text-slate-700"
          >
            <GripIcon />
          </button>
        )}
        <span className="w-5 text-right text-xs font-medium text-slate-400 tabular-nums">
          {index + 1}
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-medium text-slate-900">
              {component.name}
            </span>
            <span className="font-mono text-xs text-slate-500">
              {component.version}
            </span>
            <Badge tone={component.type === "TEST" ? "purple" : "slate"}>
              {component.type === "TEST" ? "Test" : "Build"}
            </Badge>
            {item.locked && <Badge tone="amber">Mandatory · CCOE</Badge>}
          </div>
          <p className="truncate text-xs text-slate-500">
            {component.description}
          </p>
        </div>
        {!item.locked && (
          <button
            type="button"
            onClick={() => onRemove(item.uid)}
            aria-label={`Remove ${component.name}`}
            className="rounded px-2 py-1 text-xs text-slate-500 hover:bg-red-50 hover:text-red-700"
          >
            Remove
          </button>
        )}
      </div>
      {itemError && (
        <p className="px-3 pb-2 text-xs text-red-700" role="alert">
          {itemError}
        </p>
      )}
      {component.parameters.length > 0 && (
        <ParameterFields
          uid={item.uid}
          index={index}
          declared={component.parameters}
          values={item.parameters}
          errors={errors}
          onChange={(name, value) => onParameter(item.uid, name, value)}
          readOnly={item.locked}
        />
      )}
    </li>
  );
}

function GripIcon() {
  return (
    <svg viewBox="0 0 20 20" className="size-4" fill="currentColor" aria-hidden>
      {[5, 10, 15].map((y) =>
        [7, 13].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.5" />),
      )}
    </svg>
  );
}

function LockIcon() {
  return (
    <svg viewBox="0 0 20 20" className="size-4" fill="currentColor" aria-hidden>
      <path d="M10 2a4 4 0 0 0-4 4v2H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V9a1 1 0 0 0-1-1h-1V6a4 4 0 0 0-4-4zm-2 6V6a2 2 0 1 1 4 0v2H8z" />
    </svg>
  );
}
