import { z } from "zod";

export const object = z.record(z.string(), z.unknown());
/** One object or a list of objects; the action applies to each. */
export const objectOrList = z.union([object, z.array(object)]);
export const fieldPath = z.string().min(1).regex(/^[^.](?:.*[^.])?$/, "a dot path like user.email");
