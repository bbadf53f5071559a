import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, Result, Select, Skeleton, Space, type InputRef } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../../../shared/contract/contract.ts';
import type { ComposeDraft } from '../../../../../shared/contract/mail-send.contract.ts';
import type { ComposeKind } from '../../../../../shared/domain/mail-enums.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../../../shared/domain/mail-outbox.ts';
import { call } from '../../../api/client.ts';
import { toAppError, translateError, useFormErrorHandler, useShowError } from '../../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../../app/useCall.ts';
import { useLanguage } from '../../../ui/time-format.ts';
import { formatSize } from '../../../ui/format-size.ts';
import { addressFull } from '../mail-format.ts';
import { ComposeAttachments } from './ComposeAttachments.tsx';
import {
  attachmentBytes,
  attachmentInputs,
  composeHtml,
  draftChanged,
  invalidRecipients,
  overAttachmentLimit,
  recipientText,
  swapDraftTail,
  toRecipients,
  type ComposeAttachment,
  type DraftFields,
} from './compose-helpers.ts';
import { readFileAsBase64 } from './read-file.ts';
import { followSend } from './send-feedback.tsx';
import '../mail.css';
import { useFeedback } from '../../../app/feedback.ts';

/** A mail that sends a quote: its subject, opening words and PDF, prepared by quotes.mailDraft. */
export interface QuoteMail {
  quoteId: string;
  /** The quote's customer: the mail is filed there even when no contact was chosen. */
  customerId: string;
  subject: string;
  text: string;
  attachment: { filename: string; contentType: string; contentBase64: string; size: number };
}

/**
 * What to write: a new mail (optionally to a contact, optionally sending a quote), or a reply /
 * forward of a stored message.
 */
export type ComposeRequest = { kind: 'new'; contactId?: string | null; quote?: QuoteMail } | { kind: Exclude<ComposeKind, 'new'>; messageId: string };

/** The quote's subject and words above the signature; its PDF is the first file. */
function withQuote(draft: ComposeDraft, quote: QuoteMail): ComposeDraft {
  return { ...draft, subject: quote.subject, text: `${quote.text}\n\n${draft.text}`, customerId: draft.customerId ?? quote.customerId };
}

function quoteFiles(request: ComposeRequest): ComposeAttachment[] {
  if (request.kind !== 'new' || !request.quote) return [];
  const { attachment } = request.quote;
  return [{ key: `quote-${request.quote.quoteId}`, kind: 'file', filename: attachment.filename, contentType: attachment.contentType, size: attachment.size, contentBase64: attachment.contentBase64 }];
}

/** Recipients are typed as text ("Anna <anna@x.de>, b@y.com"), the way mail programs take them. */
interface Values extends DraftFields {
  accountId: string;
}

function composeInput(request: ComposeRequest, locale: 'en' | 'zh-CN', accountId: string | null = null): CallInput<'mail.compose'> {
  return {
    kind: request.kind,
    messageId: request.kind === 'new' ? null : request.messageId,
    contactId: request.kind === 'new' ? (request.contactId ?? null) : null,
    accountId,
    locale,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

/**
 * Writing a mail: the service builds the draft (recipients, quote, signature, forwarded
 * files); the user edits it and queues it. Closing a changed draft asks first.
 */
export function ComposeDrawer({ request, onClose }: { request: ComposeRequest; onClose(): void }) {
  const { t } = useTranslation();
  const { modal } = useFeedback();
  const language = useLanguage();
  // One draft per opening: a refetch after a sync must not reset what the user is typing.
  const draft = useCall('mail.compose', composeInput(request, language), { staleTime: Infinity, gcTime: 0, refetchOnMount: 'always', retry: false });
  const changedRef = useRef<() => boolean>(() => false);

  const requestClose = useCallback(() => {
    if (!changedRef.current()) {
      onClose();
      return;
    }
    modal.confirm({
      // The safe choice has the focus: Enter must not throw work away.
      autoFocusButton: 'cancel',
      title: t('mail.composer.discardTitle'),
      content: t('mail.composer.discardBody'),
      okText: t('mail.composer.discard'),
      okButtonProps: { danger: true, 'data-testid': 'mail-compose-discard' },
      cancelText: t('mail.composer.keepEditing'),
      onOk: onClose,
    });
  }, [modal, onClose, t]);

  return (
    <Drawer open size={760} onClose={requestClose} destroyOnHidden maskClosable={false} title={t(`mail.composer.title.${request.kind}`)} className="compose-drawer" data-testid="mail-compose">
      {draft.isLoading ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : draft.data ? (
        <ComposeForm
          initialDraft={request.kind === 'new' && request.quote ? withQuote(draft.data, request.quote) : draft.data}
          request={request}
          changedRef={changedRef}
          onCancel={requestClose}
          onQueued={onClose}
        />
      ) : (
        <Result status="warning" title={draft.error ? translateError(t, toAppError(draft.error)) : ''} data-testid="mail-compose-error" />
      )}
    </Drawer>
  );
}

function fieldsOf(draft: ComposeDraft): DraftFields {
  return {
    to: draft.to.map(recipientText).join(', '),
    cc: draft.cc.map(recipientText).join(', '),
    bcc: draft.bcc.map(recipientText).join(', '),
    subject: draft.subject,
    text: draft.text,
  };
}

/** The draft's files the user sees (a forward's); inline images of a quoted body travel with the HTML. */
function visibleAttachments(draft: ComposeDraft): ComposeAttachment[] {
  return draft.attachments
    .filter((a) => !a.inline)
    .map((a) => ({ key: `stored-${a.attachmentId}`, kind: 'stored', attachmentId: a.attachmentId, filename: a.filename, size: a.size }));
}

interface FormProps {
  initialDraft: ComposeDraft;
  request: ComposeRequest;
  /** Set by the form: whether closing now would lose something. */
  changedRef: RefObject<() => boolean>;
  onCancel(): void;
  onQueued(): void;
}

function ComposeForm({ initialDraft, request, changedRef, onCancel, onQueued }: FormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = useFeedback();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const send = useMutationCall('mail.send');
  const accounts = useCall('mail.listAccounts', {});
  const [draft, setDraft] = useState(initialDraft);
  const [attachments, setAttachments] = useState<ComposeAttachment[]>(() => [...quoteFiles(request), ...visibleAttachments(initialDraft)]);
  const [attachmentsTouched, setAttachmentsTouched] = useState(false);
  const [reading, setReading] = useState(0);
  const [showBcc, setShowBcc] = useState(initialDraft.bcc.length > 0);
  const toRef = useRef<InputRef>(null);
  const bodyRef = useRef<TextAreaRef>(null);
  const initialFields = useMemo(() => fieldsOf(initialDraft), [initialDraft]);
  const senders = (accounts.data ?? []).filter((a) => a.kind === 'imap' && a.smtp !== null);

  useEffect(() => {
    changedRef.current = () => draftChanged(initialFields, form.getFieldsValue(), attachmentsTouched);
  }, [changedRef, form, initialFields, attachmentsTouched]);

  // A new mail without a recipient starts in To; anything else in the body, above the signature
  // and quote. After the drawer's own focus handling, hence the next frame.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (initialDraft.kind === 'new' && initialDraft.to.length === 0) toRef.current?.focus();
      else bodyRef.current?.focus({ cursor: 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [initialDraft]);

  const labels = useMemo<Record<string, string>>(
    () => ({
      to: t('mail.composer.to'),
      cc: t('mail.composer.cc'),
      bcc: t('mail.composer.bcc'),
      subject: t('mail.composer.subject'),
      text: t('mail.composer.body'),
      accountId: t('mail.composer.from'),
    }),
    [t],
  );
  const labelOf = useCallback((path: string) => labels[path.split('.')[0]!], [labels]);
  const onError = useFormErrorHandler(form, labelOf);
  const size = (bytes: number) => formatSize(t, bytes, language);

  async function pick(files: File[]): Promise<void> {
    setAttachmentsTouched(true);
    setReading((n) => n + files.length);
    for (const file of files) {
      try {
        // One file over the limit alone is never read into memory.
        if (overAttachmentLimit(file.size)) {
          void message.error(t('mail.composer.fileTooLarge', { name: file.name, max: size(MAX_ATTACHMENT_BYTES) }));
          continue;
        }
        const contentBase64 = await readFileAsBase64(file);
        const added: ComposeAttachment = {
          key: `file-${crypto.randomUUID()}`,
          kind: 'file',
          filename: file.name,
          contentType: file.type || null,
          size: file.size,
          contentBase64,
        };
        setAttachments((list) => [...list, added]);
      } catch {
        void message.error(t('mail.composer.fileUnreadable', { name: file.name }));
      } finally {
        setReading((n) => n - 1);
      }
    }
  }

  async function switchAccount(accountId: string): Promise<void> {
    if (accountId === draft.accountId) return;
    try {
      // The other account's draft has its address and signature; the user's text is kept.
      const next = await call('mail.compose', composeInput(request, language, accountId));
      const swapped = swapDraftTail(form.getFieldValue('text') ?? '', draft.text, next.text);
      if (swapped !== null) form.setFieldValue('text', swapped);
      setDraft(next);
    } catch (err) {
      form.setFieldValue('accountId', draft.accountId);
      showError(err);
    }
  }

  async function submit(values: Values): Promise<void> {
    if (overAttachmentLimit(attachmentBytes(attachments))) {
      void message.error(t('mail.composer.tooLarge', { max: size(MAX_ATTACHMENT_BYTES) }));
      return;
    }
    const html = composeHtml(draft, values.text);
    // Images the quoted HTML shows by cid: go with it, and only with it.
    const inline = html === null ? [] : draft.attachments.filter((a) => a.inline).map((a) => ({ attachmentId: a.attachmentId }));
    try {
      const row = await send.mutateAsync({
        accountId: draft.accountId,
        kind: draft.kind,
        sourceMessageId: draft.sourceMessageId,
        to: toRecipients(values.to),
        cc: toRecipients(values.cc),
        bcc: toRecipients(values.bcc),
        subject: values.subject,
        text: values.text,
        html,
        attachments: [...attachmentInputs(attachments), ...inline],
        inReplyTo: draft.inReplyTo,
        references: draft.references,
        customerId: draft.customerId,
        quoteId: request.kind === 'new' ? (request.quote?.quoteId ?? null) : null,
      });
      onQueued();
      void followSend(row.id, message, t);
    } catch (err) {
      onError(err);
    }
  }

  const recipientRule = (field: string) => ({
    validator: (_: unknown, text: string | undefined) => {
      const bad = invalidRecipients(text ?? '');
      return bad.length ? Promise.reject(new Error(t('validation.invalidEmail', { field: `${field}: ${bad.join(', ')}` }))) : Promise.resolve();
    },
  });
  const someRecipient = {
    validator: () => {
      const any = (['to', 'cc', 'bcc'] as const).some((f) => toRecipients(form.getFieldValue(f)).length > 0);
      return any ? Promise.resolve() : Promise.reject(new Error(t('validation.noRecipients')));
    },
  };
  const recipientInput = (testId: string, ref?: RefObject<InputRef | null>) => (
    <Input ref={ref} maxLength={20_000} placeholder={t('mail.composer.recipientsHint')} data-testid={testId} />
  );
  const over = overAttachmentLimit(attachmentBytes(attachments));
  const mod = /mac/i.test(navigator.platform) ? '⌘' : 'Ctrl';

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ ...initialFields, accountId: initialDraft.accountId }}
      onFinish={(v) => void submit(v)}
      onKeyDown={(e) => {
        // Ctrl/Cmd+Enter sends from any field, as in mail programs.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !send.isPending && reading === 0) {
          e.preventDefault();
          form.submit();
        }
      }}
      data-testid="mail-compose-form"
    >
      {senders.length > 1 ? (
        <Form.Item name="accountId" label={labels.accountId}>
          <Select<string>
            data-testid="mail-compose-account"
            onChange={(id) => void switchAccount(id)}
            options={senders.map((a) => ({ value: a.id, label: addressFull({ name: a.displayName ?? a.name, address: a.email }) }))}
          />
        </Form.Item>
      ) : (
        <Form.Item label={labels.accountId}>
          <span data-testid="mail-compose-from">{addressFull(draft.from)}</span>
        </Form.Item>
      )}
      <Form.Item name="to" label={labels.to} rules={[recipientRule(labels.to!), someRecipient]}>
        {recipientInput('mail-compose-to', toRef)}
      </Form.Item>
      <Form.Item name="cc" label={labels.cc} rules={[recipientRule(labels.cc!)]}>
        {recipientInput('mail-compose-cc')}
      </Form.Item>
      {showBcc ? (
        <Form.Item name="bcc" label={labels.bcc} rules={[recipientRule(labels.bcc!)]}>
          {recipientInput('mail-compose-bcc')}
        </Form.Item>
      ) : (
        <Button type="link" size="small" onClick={() => setShowBcc(true)} className="compose-add-bcc" data-testid="mail-compose-add-bcc">
          {t('mail.composer.addBcc')}
        </Button>
      )}
      <Form.Item name="subject" label={labels.subject}>
        <Input maxLength={998} data-testid="mail-compose-subject" />
      </Form.Item>
      <Form.Item name="text" label={labels.text}>
        <Input.TextArea ref={bodyRef} autoSize={{ minRows: 10, maxRows: 28 }} data-testid="mail-compose-body" />
      </Form.Item>
      <ComposeAttachments
        attachments={attachments}
        reading={reading}
        onPick={(files) => void pick(files)}
        onRemove={(key) => {
          setAttachmentsTouched(true);
          setAttachments((list) => list.filter((a) => a.key !== key));
        }}
      />
      {draft.html !== null && <Alert type="info" showIcon className="compose-note" title={t('mail.composer.htmlNote')} />}
      <div className="compose-footer">
        <span className="muted">{t('mail.composer.sendHint', { key: `${mod}+Enter` })}</span>
        <Space>
          <Button onClick={onCancel} data-testid="mail-compose-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={send.isPending} disabled={reading > 0 || over} data-testid="mail-compose-send">
            {t('mail.composer.send')}
          </Button>
        </Space>
      </div>
    </Form>
  );
}
