// A training certificate as the certificate function draws it and the app lists it (issue 16).
// No imports: the app reads this type too (src/features/training/services/training.types.ts).

export interface CertificateRow {
  serial: string;
  verification_code: string;
  holder_name: string;
  title: string;
  score: number;
  issued_at: string;
}
