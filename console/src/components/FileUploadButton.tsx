// Picks a file and uploads it straight away, handing back the stored file (its id goes into the form).
import { Button, FileButton, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api';
import { notifyError } from '../notify';
import type { FilePurpose, StoredFile } from '../types';

const acceptedTypes: Record<FilePurpose, string> = {
  image: 'image/png,image/jpeg,image/webp',
  logo: 'image/png,image/jpeg,image/webp',
  document: 'application/pdf',
};

interface FileUploadButtonProps extends Omit<ButtonProps, 'children'> {
  purpose: FilePurpose;
  label: string;
  onUploaded: (file: StoredFile) => void;
}

export function FileUploadButton({ purpose, label, onUploaded, ...buttonProps }: FileUploadButtonProps) {
  const [uploading, setUploading] = useState(false);

  async function upload(file: File | null) {
    if (!file) return;
    setUploading(true);
    try {
      onUploaded(await api.upload(file, purpose));
    } catch (error) {
      notifyError(error);
    } finally {
      setUploading(false);
    }
  }

  return (
    <FileButton onChange={(file) => void upload(file)} accept={acceptedTypes[purpose]}>
      {(props) => (
        <Button variant="default" loading={uploading} {...buttonProps} {...props}>
          {label}
        </Button>
      )}
    </FileButton>
  );
}
