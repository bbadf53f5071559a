import { describe, expect, it } from 'vitest';
import { OUTBOX_STATUSES } from '../../../../shared/domain/mail-enums.ts';
import {
  batchInterval,
  OUTBOX_ERROR_REASONS,
  RETRIED_REASONS,
  retryDelay,
  TEMPORARY_MAX_ATTEMPTS,
} from '../../../../shared/domain/mail-outbox.ts';
import { catalogs } from '../../../../shared/i18n/catalogs.ts';

describe('outbox rules', () => {
  it('retries network trouble quickly and forever, capped at two minutes', () => {
    expect([1, 2, 3, 4, 5, 50].map((n) => retryDelay('offline', n))).toEqual([15_000, 30_000, 60_000, 120_000, 120_000, 120_000]);
  });

  it('backs off harder on 4xx replies and gives up after the last attempt', () => {
    expect(retryDelay('temporary', 1)).toBe(60_000);
    expect(retryDelay('temporary', 5)).toBe(3_600_000);
    expect(retryDelay('temporary', TEMPORARY_MAX_ATTEMPTS - 1)).toBe(3_600_000);
    expect(retryDelay('temporary', TEMPORARY_MAX_ATTEMPTS)).toBeNull();
  });

  it('never retries a refusal by itself', () => {
    for (const reason of OUTBOX_ERROR_REASONS) {
      if (!RETRIED_REASONS.has(reason)) expect(retryDelay(reason, 1), reason).toBeNull();
    }
  });

  it('spaces batch mails by the rate, within the allowed range', () => {
    expect(batchInterval(20)).toBe(3000);
    expect(batchInterval(120)).toBe(500);
    expect(batchInterval(7)).toBe(8572);
    expect(batchInterval(10_000)).toBe(500);
    expect(batchInterval(0)).toBe(60_000);
  });

  it('has a message for every failure reason and status in both languages', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const outbox = catalogs[language].mail.outbox;
      for (const reason of OUTBOX_ERROR_REASONS) expect(typeof outbox.errors[reason], `${language} ${reason}`).toBe('string');
      for (const status of OUTBOX_STATUSES) expect(typeof outbox.status[status], `${language} ${status}`).toBe('string');
    }
  });
});
