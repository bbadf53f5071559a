/** Mail messages the services return (the mail screens add theirs here). */
export const mail = {
  mail: {
    test: {
      dnsFailed: 'The mail server name could not be found (DNS). Check the server address.',
      connectFailed: 'The mail server did not answer on this port. Check the port and your network.',
      tlsFailed: 'The secure connection (TLS) to the mail server failed. Check the port and the security setting.',
      loginRejected: 'The server refused the login. For QQ Mail, Tencent Exmail and NetEase 163/126, use the authorization code from the mailbox settings, not the web password.',
      imapFailed: 'Signing in to the IMAP server failed.',
      folderListFailed: 'Signed in, but the folder list could not be read.',
      smtpConnectFailed: 'The outgoing (SMTP) server did not answer. Check its address, port and security setting.',
      smtpLoginRejected: 'The outgoing (SMTP) server refused the login. Use the authorization code where the provider requires one.',
    },
  },
} as const;
