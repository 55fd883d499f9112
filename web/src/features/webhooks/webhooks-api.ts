import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import type { CreateWebhookBody } from './webhook-form';

export type Webhook = components['schemas']['WebhookView'];
export type Delivery = components['schemas']['DeliveryView'];
export const WEBHOOKS_KEY = ['webhooks'] as const;
export const PAGE_SIZE = 20;

/** The webhooks the user may see: its city's, or the network's for an admin (the API decides). */
export function useWebhooks() {
  return useQuery({
    queryKey: [...WEBHOOKS_KEY, 'list'],
    queryFn: () => unwrap(api.GET('/api/v1/webhooks', { params: { query: { page: 1, limit: 100 } } })),
  });
}

export function useDeliveries(id: string, page: number) {
  return useQuery({
    queryKey: [...WEBHOOKS_KEY, id, 'deliveries', page],
    queryFn: () => unwrap(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { page, limit: PAGE_SIZE } } })),
    placeholderData: (previous) => previous,
    refetchInterval: 10_000, // deliveries are retried in the background: the log follows
  });
}

export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) => unwrap(api.POST('/api/v1/webhooks', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
  });
}

export function useRedeliver(webhookId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(api.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id: webhookId, deliveryId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...WEBHOOKS_KEY, webhookId, 'deliveries'] }),
  });
}
