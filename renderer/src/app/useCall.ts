import { useMutation, useQuery, type UseMutationResult, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { CallInput, CallKey, CallOutput } from '../../../shared/contract/contract.ts';
import { call, type CallError } from '../api/client.ts';

type QueryOptions<K extends CallKey> = Omit<UseQueryOptions<CallOutput<K>, CallError, CallOutput<K>, [K, CallInput<K>]>, 'queryKey' | 'queryFn'>;

/**
 * Reads through the contract. The query key starts with the contract key, so the shell's
 * `data.changed` listener can invalidate by area (`customers.*`, `owners.*` …).
 */
export function useCall<K extends CallKey>(key: K, input: CallInput<K>, options?: QueryOptions<K>): UseQueryResult<CallOutput<K>, CallError> {
  return useQuery({ queryKey: [key, input], queryFn: () => call(key, input), ...options });
}

/** Writes through the contract; the service's `data.changed` event refreshes the reads. */
export function useMutationCall<K extends CallKey>(key: K): UseMutationResult<CallOutput<K>, CallError, CallInput<K>> {
  return useMutation({ mutationFn: (input: CallInput<K>) => call(key, input) });
}
