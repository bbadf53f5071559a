/**
 * A product's model number as it is compared: "ab-100", "AB 100" and "AB.100" are one model
 * (migration 0015's products.model_key, unique among live products). Salespeople and buyers
 * write models with whatever separators their sheet used.
 */
export function productModelKey(model: string): string {
  return model.replace(/[\s\-./]+/g, '').toUpperCase();
}
