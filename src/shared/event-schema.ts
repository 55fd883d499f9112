import { z } from 'zod';
import { ACTION_AREA_IDS, CREATIVE_FIELD_IDS, SDG_IDS, SECTOR_IDS } from './reference-data';

/**
 * The pieces the modules build their event payload schemas of (SPEC §4), so that an id, a text or
 * a creative field means the same in every event. Titles name their types in docs/events.md.
 */

export const eventId = z.string().min(1);
export const eventText = z.string().trim().min(1);

export const creativeField = z.enum(CREATIVE_FIELD_IDS).meta({ title: 'CreativeField' });
export const actionArea = z.enum(ACTION_AREA_IDS).meta({ title: 'ActionArea' });
export const sector = z.enum(SECTOR_IDS).meta({ title: 'Sector' });
export const sdg = z.literal(SDG_IDS).meta({ title: 'Sdg' });

/** An event's payload schema with the description that heads its section of docs/events.md. */
export const described = <S extends z.ZodObject>(description: string, schema: S) => schema.meta({ description });

/** The `changes` of an edit event: any of the editable `fields`, each only when its value changed. */
export const changesOf = <F extends z.ZodRawShape>(fields: F) =>
  z.strictObject(fields).partial().describe('only the fields whose value changed, with their new value (`null` clears an optional one)');
