import { z } from 'zod';

/**
 * The letterhead every quote document is printed on (Settings → Letterhead), part of Settings
 * and SettingsPatch in app.contract.ts. Empty text is simply left off the documents.
 */

/** The logo as stored in the data folder, by the SHA-256 of its bytes. */
export const LetterheadLogo = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mimeType: z.enum(['image/png', 'image/jpeg']),
});
export type LetterheadLogo = z.infer<typeof LetterheadLogo>;

const LIMITS = { companyName: 200, address: 500, phone: 100, email: 200, website: 300, bankDetails: 2000 } as const;
type LetterheadText = keyof typeof LIMITS;

export const Letterhead = z.object({
  companyName: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  website: z.string(),
  bankDetails: z.string(),
  logo: LetterheadLogo.nullable(),
});
export type Letterhead = z.infer<typeof Letterhead>;

export const EMPTY_LETTERHEAD: Letterhead = { companyName: '', address: '', phone: '', email: '', website: '', bankDetails: '', logo: null };

/**
 * What a save changes: each text given replaces the stored one; `logoPath` is a PNG or JPEG the
 * user chose (copied into the data folder), null removes the logo, absent keeps it.
 */
export const LetterheadPatch = z.object({
  ...(Object.fromEntries(Object.entries(LIMITS).map(([key, max]) => [key, z.string().trim().max(max).optional()])) as Record<LetterheadText, z.ZodOptional<z.ZodString>>),
  logoPath: z.string().trim().min(1).max(4000).nullable().optional(),
});
export type LetterheadPatch = z.infer<typeof LetterheadPatch>;

export const letterheadCalls = {
  /** The stored logo as a data: URL for the Letterhead settings' preview; null when there is none. */
  'settings.letterheadLogo': { input: z.object({}).default({}), output: z.object({ dataUrl: z.string().nullable() }) },
} as const;
